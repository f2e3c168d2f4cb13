using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Diagnostics;
using Nämndportal.Infrastructure.Persistence;

namespace Nämndportal.Web.Endpoints;

/// <summary>
/// What a user gets while the database is away ("tillfälligt fel", issue 14): a small Swedish page with status 503 and
/// <c>Retry-After</c>, or a Swedish problem+json for a caller that asked for JSON. It runs in the exception handler
/// before the re-execution of <c>/fel</c>, and needs nothing that needs the database: not the login cookie's ticket
/// store, not a layout, not a scope. No stack trace and no exception name reach the response.
/// </summary>
public sealed class TransientFailurePage(ILogger<TransientFailurePage> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 10;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!TransientDatabaseFailure.Is(exception))
        {
            return false;
        }

        var errorCode = Activity.Current?.TraceId.ToString() ?? httpContext.TraceIdentifier;
        // The kind of failure only (a SQLSTATE or a type name): the message of a connection failure names the server.
        logger.LogWarning(
            "The database is unavailable ({Failure}): {Method} {Path} answered 503, error code {ErrorCode}",
            TransientDatabaseFailure.Describe(exception), httpContext.Request.Method, httpContext.Request.Path.Value, errorCode);

        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        if (WantsJson(httpContext.Request))
        {
            await TypedResults.Problem(
                    title: "Tillfälligt fel",
                    detail: "Portalen når inte sin databas just nu. Inget har sparats till hälften. Försök igen om en stund.",
                    statusCode: StatusCodes.Status503ServiceUnavailable,
                    extensions: new Dictionary<string, object?> { ["felkod"] = errorCode })
                .ExecuteAsync(httpContext);
            return true;
        }

        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(Html(errorCode), cancellationToken);
        return true;
    }

    private static bool WantsJson(HttpRequest request)
    {
        var accept = request.Headers.Accept.ToString();
        return accept.Contains("json", StringComparison.OrdinalIgnoreCase) && !accept.Contains("text/html", StringComparison.OrdinalIgnoreCase);
    }

    // Self-contained: no stylesheet, script or image from the portal, which may be as unreachable as its database.
    private static string Html(string errorCode) => $$"""
        <!DOCTYPE html>
        <html lang="sv">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Tillfälligt fel – Nämndportal</title>
        <style>
        body { font-family: "Liberation Sans", Arial, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; color: #1a1a1a; line-height: 1.5; }
        h1 { font-size: 1.6rem; }
        .felkod { font-family: "Liberation Mono", monospace; }
        </style>
        </head>
        <body>
        <main>
        <h1>Tillfälligt fel</h1>
        <p>Nämndportalen kan inte nå sin databas just nu. Inget av det du gjorde har sparats till hälften: det som inte
        hann sparas är inte sparat alls.</p>
        <p>Försök igen om en stund. Sidan går att ladda om när portalen är tillbaka.</p>
        <p>Om felet kvarstår, kontakta supporten och uppge felkoden: <strong class="felkod">{{WebUtility.HtmlEncode(errorCode)}}</strong></p>
        <p><a href="">Försök igen</a></p>
        </main>
        </body>
        </html>
        """;
}
