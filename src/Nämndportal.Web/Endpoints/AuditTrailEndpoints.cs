using Nämndportal.Application.AuditTrail;
using Nämndportal.Web.Security;

namespace Nämndportal.Web.Endpoints;

public static class AuditTrailEndpoints
{
    /// <summary>
    /// /admin/logg.csv: the audit-trail lines the page's filter selects (?fran=ÅÅÅÅ-MM-DD&amp;till=…&amp;anvandare=…&amp;handelse=…
    /// &amp;typ=…&amp;arende=…&amp;text=…). Administrators only; the handler checks again.
    /// </summary>
    public static IEndpointRouteBuilder MapAuditTrailEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/admin/logg.csv", async (
            DateOnly? fran, DateOnly? till, string? anvandare, string? handelse, string? typ, string? arende, string? text,
            ExportAuditTrailHandler handler, CancellationToken cancellationToken) =>
        {
            var filter = new ListAuditTrail
            {
                From = fran, To = till, UserName = anvandare, Action = handelse, EntityType = typ, CaseNumber = arende, Text = text,
            };
            var result = await handler.HandleAsync(filter, cancellationToken);
            if (result.Value is { } file)
            {
                return Results.File(file.Content, file.ContentType, file.FileName);
            }

            var status = result.Error!.Code == "forbidden" ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
            return Results.Problem(statusCode: status, title: result.Error.Message, type: result.Error.Code);
        }).RequireAuthorization(Policies.Administration);
        return endpoints;
    }

    /// <summary>The export's address for a filter, as the page links to it.</summary>
    public static string ExportUrl(ListAuditTrail filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = new Dictionary<string, string?>
        {
            ["fran"] = filter.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["till"] = filter.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["anvandare"] = filter.UserName,
            ["handelse"] = filter.Action,
            ["typ"] = filter.EntityType,
            ["arende"] = filter.CaseNumber,
            ["text"] = filter.Text,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(
            "/admin/logg.csv", query.Where(p => !string.IsNullOrWhiteSpace(p.Value)));
    }
}
