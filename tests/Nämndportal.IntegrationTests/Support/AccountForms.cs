using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Nämndportal.Infrastructure.Identity;
using Nämndportal.Infrastructure.Seeding;

namespace Nämndportal.IntegrationTests.Support;

/// <summary>The account forms as a browser fills them: second-factor code, logout, the session lists; and client addresses.</summary>
public static partial class AccountForms
{
    public const string AddressHeader = "X-Test-Address";

    public static async Task<HttpResponseMessage> PostCodeAsync(HttpClient client, string code)
    {
        var page = await client.GetStringAsync("/konto/tvastegsverifiering");
        return await client.PostAsync("/konto/tvastegsverifiering", Form(page, "login-2fa", ("Input.Code", code)));
    }

    /// <summary>Signs the demo administrator in with password and the authenticator code of the given moment.</summary>
    public static async Task SignInAdministratorAsync(HttpClient client, DateTimeOffset now)
    {
        (await LoginForm.PostAsync(client, "admin@exempelby.se", DemoUsers.Password)).Headers.Location!.AbsolutePath.ShouldBe("/konto/tvastegsverifiering");
        var code = await PostCodeAsync(client, ReplayProofAuthenticatorTokenProvider.CodeAt(DemoUsers.AdministratorAuthenticatorKey, now));
        code.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the administrator's code must be accepted");
    }

    public static async Task<HttpResponseMessage> LogOutAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/konto/sessioner");
        return await client.PostAsync("/konto/logga-ut", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = LoginForm.AntiforgeryToken(page),
            ["returnUrl"] = "/konto/logga-in",
        }));
    }

    public static FormUrlEncodedContent Form(string page, string formName, params (string Name, string Value)[] fields)
    {
        var values = new Dictionary<string, string>
        {
            ["_handler"] = formName,
            ["__RequestVerificationToken"] = LoginForm.AntiforgeryToken(page),
        };
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        return new FormUrlEncodedContent(values);
    }

    /// <summary>The values of the submit buttons named <paramref name="name"/> on a page.</summary>
    public static IReadOnlyList<string> ButtonValues(string html, string name) =>
        ButtonPattern().Matches(html).Where(m => m.Groups[1].Value == name).Select(m => m.Groups[2].Value).ToList();

    public static string AuthCookie(HttpResponseMessage login) =>
        login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("np.auth=", StringComparison.Ordinal)).Split(';')[0];

    /// <summary>A request carrying only a copied login cookie, as from another machine.</summary>
    public static async Task<HttpResponseMessage> GetWithCookieAsync(HttpClient client, string path, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    /// <summary>Lets a test choose the client's IP address with the <see cref="AddressHeader"/> header.</summary>
    public static void UseTestAddresses(IWebHostBuilder builder) =>
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, TestAddressStartupFilter>());

    [GeneratedRegex("<button[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex ButtonPattern();

    private sealed class TestAddressStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(AddressHeader, out var address))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                }

                await nextMiddleware(context);
            });
            next(app);
        };
    }
}
