using Microsoft.Net.Http.Headers;
using Nämndportal.Application.Common;
using Nämndportal.Application.Reader;

namespace Nämndportal.Web.Endpoints;

/// <summary>
/// The meeting reader's files (läsläget), all under <c>/sammantraden/{meetingId}/las</c>:
/// <c>dokument/{versionId}</c> and <c>punkt/{itemId}/tjansteskrivelse</c> are shown inline and answer range requests
/// (206 with Content-Range, 416 for a range outside the file, a strong ETag honoured in If-Range), so pdf.js shows the first
/// page of a long document without loading all of it; <c>dokument/{versionId}/ladda-ned</c> and <c>paket/ladda-ned</c> are
/// downloads with the spårbarhetsstämpel, <c>punkt/{itemId}/tjansteskrivelse/ladda-ned</c> the public tjänsteskrivelse saved as is. Access is decided by the use cases; missing and forbidden answer the same 404.
/// </summary>
public static class ReaderEndpoints
{
    public static IEndpointRouteBuilder MapReaderEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var reader = endpoints.MapGroup("/sammantraden/{meetingId:guid}/las").RequireAuthorization();
        reader.MapGet("/dokument/{versionId:guid}", async (Guid meetingId, Guid versionId, GetReaderDocumentHandler handler, HttpContext context, CancellationToken cancellationToken) =>
            Serve(await handler.HandleAsync(new GetReaderDocument(meetingId, versionId, RangeOf(context.Request)), cancellationToken), context, download: false));
        reader.MapGet("/punkt/{itemId:guid}/tjansteskrivelse", async (Guid meetingId, Guid itemId, GetReaderOfficerReportHandler handler, HttpContext context, CancellationToken cancellationToken) =>
            Serve(await handler.HandleAsync(new GetReaderOfficerReport(meetingId, itemId), cancellationToken), context, download: false));
        // The tjänsteskrivelse is public material: its download is the same file, saved instead of shown.
        reader.MapGet("/punkt/{itemId:guid}/tjansteskrivelse/ladda-ned", async (Guid meetingId, Guid itemId, GetReaderOfficerReportHandler handler, HttpContext context, CancellationToken cancellationToken) =>
            Serve(await handler.HandleAsync(new GetReaderOfficerReport(meetingId, itemId), cancellationToken), context, download: true));
        reader.MapGet("/dokument/{versionId:guid}/ladda-ned", async (Guid meetingId, Guid versionId, GetReaderDownloadHandler handler, HttpContext context, CancellationToken cancellationToken) =>
            Serve(await handler.HandleAsync(new GetReaderDownload(meetingId, versionId), cancellationToken), context, download: true));
        reader.MapGet("/paket/ladda-ned", async (Guid meetingId, GetMembersPackDownloadHandler handler, HttpContext context, CancellationToken cancellationToken) =>
            Serve(await handler.HandleAsync(new GetMembersPackDownload(meetingId), cancellationToken), context, download: true));
        return endpoints;
    }

    public static string DocumentUrl(Guid meetingId, Guid versionId) => ReaderUrls.Document(meetingId, versionId);

    public static string OfficerReportUrl(Guid meetingId, Guid itemId) => ReaderUrls.OfficerReport(meetingId, itemId);

    public static string DocumentDownloadUrl(Guid meetingId, Guid versionId) => ReaderUrls.DocumentDownload(meetingId, versionId);

    public static string PackDownloadUrl(Guid meetingId) => ReaderUrls.PackDownload(meetingId);

    private static IResult Serve(Result<ReaderFile> result, HttpContext context, bool download)
    {
        if (result.Value is not { } file)
        {
            var error = result.Error!;
            return Results.Problem(
                statusCode: error.Code is "no_pdf" or "no_pack" ? StatusCodes.Status409Conflict : StatusCodes.Status404NotFound,
                title: error.Message, type: error.Code);
        }

        var headers = context.Response.Headers;
        // Secret material must not stay in a browser's or a proxy's cache; the rest is private to the signed-in user.
        headers.CacheControl = file.IsSecret ? "no-store" : "private, no-cache";
        if (file.IsSecret)
        {
            headers.Pragma = "no-cache";
        }

        headers.XContentTypeOptions = "nosniff";
        var disposition = new ContentDispositionHeaderValue(download ? "attachment" : "inline");
        disposition.SetHttpFileName(file.FileName);
        headers.ContentDisposition = disposition.ToString();
        // A stamped download differs at every request (the time): it has no ETag and is sent whole.
        return download
            ? Results.Stream(file.Content, "application/pdf")
            : Results.Stream(file.Content, "application/pdf", enableRangeProcessing: true, entityTag: new EntityTagHeaderValue(ReadRange.EntityTag(file.Sha256)));
    }

    /// <summary>The single byte range the request asks for; null for none, several, or one ASP.NET Core will not honour (the whole file is sent).</summary>
    private static ReadRange? RangeOf(HttpRequest request)
    {
        var range = request.GetTypedHeaders().Range;
        if (range is null || !string.Equals(range.Unit.Value, "bytes", StringComparison.OrdinalIgnoreCase) || range.Ranges.Count != 1)
        {
            return null;
        }

        var ifRange = request.Headers.IfRange;
        return new ReadRange(range.Ranges.First().From, ifRange.Count > 0 ? ifRange.ToString() : null);
    }
}
