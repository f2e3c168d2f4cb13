using Microsoft.Net.Http.Headers;
using Nämndportal.Application.Cases;

namespace Nämndportal.Web.Endpoints;

/// <summary>
/// /handlingar/{versionId}/fil: a version of a handling as uploaded, as a download. /handlingar/{versionId}/pdf: its PDF
/// (the file itself or its rendition) shown in the browser. Access is checked by the use case; a secret-marked
/// handling's read is in the audit trail before the first byte leaves, and its response is never cached.
/// </summary>
public static class DocumentEndpoints
{
    public static IEndpointRouteBuilder MapDocumentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/handlingar/{versionId:guid}/fil", (Guid versionId, GetDocumentFileHandler handler, HttpContext context, CancellationToken cancellationToken) =>
            ServeAsync(versionId, DocumentFileForm.Original, handler, context, cancellationToken)).RequireAuthorization();
        endpoints.MapGet("/handlingar/{versionId:guid}/pdf", (Guid versionId, GetDocumentFileHandler handler, HttpContext context, CancellationToken cancellationToken) =>
            ServeAsync(versionId, DocumentFileForm.Pdf, handler, context, cancellationToken)).RequireAuthorization();
        return endpoints;
    }

    public static string FileUrl(Guid versionId) => $"/handlingar/{versionId}/fil";

    public static string PdfUrl(Guid versionId) => $"/handlingar/{versionId}/pdf";

    private static async Task<IResult> ServeAsync(Guid versionId, DocumentFileForm form, GetDocumentFileHandler handler, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new GetDocumentFile(versionId, form), cancellationToken);
        if (result.Value is not { } file)
        {
            var error = result.Error!;
            return Results.Problem(
                statusCode: error.Code == "no_pdf" ? StatusCodes.Status409Conflict : StatusCodes.Status404NotFound, title: error.Message, type: error.Code);
        }

        var headers = context.Response.Headers;
        // Secret material must not stay in a browser's or a proxy's cache; the rest is private to the signed-in user.
        headers.CacheControl = file.IsSecret ? "no-store" : "private, no-cache";
        if (file.IsSecret)
        {
            headers.Pragma = "no-cache";
        }

        headers.XContentTypeOptions = "nosniff";
        var disposition = new ContentDispositionHeaderValue(form == DocumentFileForm.Original ? "attachment" : "inline");
        // Both filename (ASCII, unsafe characters replaced) and filename* (UTF-8, so å, ä and ö survive).
        disposition.SetHttpFileName(file.FileName);
        headers.ContentDisposition = disposition.ToString();
        return Results.File(file.Content, file.ContentType);
    }
}
