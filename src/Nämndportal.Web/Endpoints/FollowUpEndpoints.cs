using Nämndportal.Application.Audit;

namespace Nämndportal.Web.Endpoints;

public static class FollowUpEndpoints
{
    /// <summary>
    /// /uppfoljning/{organ}/export.xlsx (the overview's items, every status) and /uppfoljning/{organ}/fattade-beslut.pdf
    /// ("Fattade politiska beslut"): the same access as the page; missing and forbidden are both 404.
    /// </summary>
    public static IEndpointRouteBuilder MapFollowUpEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/uppfoljning/{organId:guid}/export.xlsx", async (Guid organId, FollowUpOverviewHandler handler, CancellationToken cancellationToken) =>
        {
            var result = await handler.ExportAsync(organId, cancellationToken);
            return result.Value is { } file
                ? Results.File(file.Content, file.ContentType, file.FileName)
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: result.Error!.Message, type: result.Error.Code);
        }).RequireAuthorization();

        endpoints.MapGet("/uppfoljning/{organId:guid}/fattade-beslut.pdf", async (Guid organId, AssignmentsHandler handler, CancellationToken cancellationToken) =>
        {
            var result = await handler.PdfAsync(organId, cancellationToken);
            return result.Value is { } file
                ? Results.File(file.Content, file.ContentType, file.FileName)
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: result.Error!.Message, type: result.Error.Code);
        }).RequireAuthorization();
        return endpoints;
    }
}
