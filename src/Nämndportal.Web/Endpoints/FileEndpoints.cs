using Microsoft.Net.Http.Headers;
using Nämndportal.Application.Files;

namespace Nämndportal.Web.Endpoints;

/// <summary>
/// /filer/{id}: a produced file (a printed tjänsteskrivelse, a sample). Access is decided by the use case from what the
/// file was made from; unknown and forbidden both answer 404. A file with secret material is never cached.
/// </summary>
public static class FileEndpoints
{
    public static IEndpointRouteBuilder MapFileEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/filer/{id:guid}", async (Guid id, GetStoredFileHandler handler, HttpContext context, CancellationToken cancellationToken) =>
        {
            var result = await handler.HandleAsync(new GetStoredFile(id), cancellationToken);
            if (result.Value is not { } file)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: result.Error!.Message, type: result.Error.Code);
            }

            var headers = context.Response.Headers;
            headers.CacheControl = file.ContainsSecret ? "no-store" : "private, no-cache";
            if (file.ContainsSecret)
            {
                headers.Pragma = "no-cache";
            }

            headers.XContentTypeOptions = "nosniff";
            return Results.File(file.Content, file.ContentType, file.FileName);
        }).RequireAuthorization();
        return endpoints;
    }
}
