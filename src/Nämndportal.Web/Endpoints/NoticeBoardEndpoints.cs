using Nämndportal.Application.NoticeBoard;

namespace Nämndportal.Web.Endpoints;

/// <summary>
/// /anslagstavla/{id}/fil: the public file of a notice on the anslagstavla, without login. Serves the file the notice names
/// and nothing else, only while the notice is up and only a file marked as holding no secret material; everything else,
/// an unknown notice included, answers 404 (docs/security.md, "The public surface").
/// </summary>
public static class NoticeBoardEndpoints
{
    public static IEndpointRouteBuilder MapNoticeBoardEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/anslagstavla/{id:guid}/fil", async (Guid id, GetPostingFileHandler handler, HttpContext context, CancellationToken cancellationToken) =>
        {
            var result = await handler.HandleAsync(new GetPostingFile(id), cancellationToken);
            if (result.Value is not { } file)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: result.Error!.Message, type: result.Error.Code);
            }

            // Public, but it must leave caches the day the notice comes down.
            context.Response.Headers.CacheControl = "public, no-cache";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(file.Content, file.ContentType, file.FileName);
        }).AllowAnonymous();
        return endpoints;
    }
}
