using Microsoft.AspNetCore.Antiforgery;

namespace Nämndportal.Web.Security;

/// <summary>
/// A form posted with a missing or expired anti-forgery token (a tab left open over night, a copied request) is
/// answered here with status 400, and the status page then tells the user in Swedish that the page has expired.
/// Without this the endpoint itself would throw while binding the form, and the error page would be re-executed
/// with the same stale form.
/// </summary>
public sealed class StaleFormMiddleware(RequestDelegate next, ILogger<StaleFormMiddleware> logger)
{
    /// <summary>Set on the request when its form was refused, so the status page can say why.</summary>
    public const string ItemKey = "np.stale-form";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
        {
            // The status page is re-executed on this same request. Razor component endpoints take the validation
            // result from this feature, so it is removed: the status page (which needs no token) then answers.
            context.Features.Set<IAntiforgeryValidationFeature>(null);
            logger.LogInformation("A form was posted to {Path} without a valid anti-forgery token; answered 400", context.Request.Path);
            context.Items[ItemKey] = true;
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Task.CompletedTask;
        }

        return next(context);
    }
}
