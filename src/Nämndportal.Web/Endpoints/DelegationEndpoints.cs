using Nämndportal.Application.Delegation;

namespace Nämndportal.Web.Endpoints;

public static class DelegationEndpoints
{
    /// <summary>/delegationsbeslut/{organ}/export.csv and .xlsx: the register as filtered on the page (?sok, delegat, fran, till, anmalda).</summary>
    public static IEndpointRouteBuilder MapDelegationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/delegationsbeslut/{organId:guid}/export.{format:regex(^(csv|xlsx)$)}", async (
            Guid organId, string format, string? sok, string? delegat, DateOnly? fran, DateOnly? till, string? anmalda,
            ListDelegatedDecisionsHandler handler, CancellationToken cancellationToken) =>
        {
            var filter = new DecisionFilter(organId, sok, delegat, fran, till, anmalda switch { "ja" => true, "nej" => false, _ => null });
            var result = await handler.ExportAsync(filter, format == "csv" ? DecisionExportFormat.Csv : DecisionExportFormat.Excel, cancellationToken);
            return result.Value is { } file
                ? Results.File(file.Content, file.ContentType, file.FileName)
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: result.Error!.Message, type: result.Error.Code);
        }).RequireAuthorization();
        return endpoints;
    }
}
