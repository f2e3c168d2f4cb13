using System.Text.RegularExpressions;

namespace Nämndportal.IntegrationTests.Support;

/// <summary>Fills in the static login form as a browser would: antiforgery token, form name, fields.</summary>
public static partial class LoginForm
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string email, string password)
    {
        // A browser that still has a session is signed out and sent back to the page (followed as a browser would).
        var form = await client.GetAsync("/konto/logga-in");
        if (form.StatusCode == System.Net.HttpStatusCode.Redirect)
        {
            form = await client.GetAsync(form.Headers.Location);
        }

        var page = await form.EnsureSuccessStatusCode().Content.ReadAsStringAsync();
        return await client.PostAsync("/konto/logga-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = AntiforgeryToken(page),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    public static string AntiforgeryToken(string html)
    {
        var match = TokenPattern().Match(html);
        match.Success.ShouldBeTrue("the form has no antiforgery token");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
