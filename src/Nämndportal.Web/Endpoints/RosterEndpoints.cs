using Nämndportal.Application.Organisation;

namespace Nämndportal.Web.Endpoints;

public static class RosterEndpoints
{
    /// <summary>/organ/{id}/ledamoter.csv and .xlsx: the roster on a date (?datum=ÅÅÅÅ-MM-DD, default today).</summary>
    public static IEndpointRouteBuilder MapRosterEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/organ/{id:guid}/ledamoter.{format:regex(^(csv|xlsx)$)}", async (
            Guid id, string format, DateOnly? datum, ExportRosterHandler handler, CancellationToken cancellationToken) =>
        {
            var result = await handler.HandleAsync(id, format == "csv" ? RosterFormat.Csv : RosterFormat.Excel, datum, cancellationToken);
            return result.Value is { } file
                ? Results.File(file.Content, file.ContentType, file.FileName)
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: result.Error!.Message, type: result.Error.Code);
        }).RequireAuthorization();
        return endpoints;
    }
}
