using Nämndportal.Application.Files;

namespace Nämndportal.Web.Endpoints;

public static class FileEndpoints
{
    public static IEndpointRouteBuilder MapFileEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/filer/{id:guid}", async (Guid id, GetStoredFileHandler handler, CancellationToken cancellationToken) =>
        {
            var result = await handler.HandleAsync(id, cancellationToken);
            return result.Value is { } file
                ? Results.File(file.Content, file.ContentType, file.FileName)
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: result.Error!.Message, type: result.Error.Code);
        }).RequireAuthorization();
        return endpoints;
    }
}
