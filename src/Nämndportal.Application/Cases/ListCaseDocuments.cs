using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Cases;

namespace Nämndportal.Application.Cases;

/// <summary>
/// The handlingar of a case with their versions and PDF status. Secret-marked ones are left out entirely for anyone
/// not entitled to the case's secret material (they are not even read from the database for them).
/// </summary>
public sealed record ListCaseDocuments(Guid CaseId);

/// <param name="CanPrepare">May add handlingar and versions.</param>
/// <param name="CanMarkSecret">May sekretessmarkera (and, on handlingar shown, take a marking away).</param>
public sealed record CaseDocumentList(Guid CaseId, string CaseNumber, bool CanPrepare, bool CanMarkSecret, IReadOnlyList<CaseDocumentView> Documents)
{
    /// <summary>Some version is still waiting for its PDF: worth asking again in a moment.</summary>
    public bool AnyRenditionPending => Documents.Any(d => d.Versions.Any(v => v.RenditionStatus == RenditionStatus.Pending));
}

/// <param name="Secrecy">The marking (OSL provision, date, who), shown only to those who may see the handling at all.</param>
/// <param name="Version">The row version (xmin), for the secrecy dialogs' conflict check.</param>
public sealed record CaseDocumentView(
    Guid Id,
    int Ordinal,
    DocumentDirection Direction,
    DateOnly DocumentDate,
    string? Counterpart,
    string Description,
    bool HideCounterpartPublicly,
    bool HideDescriptionPublicly,
    SecrecyMarking? Secrecy,
    uint Version,
    IReadOnlyList<DocumentVersionView> Versions)
{
    public DocumentVersionView Latest => Versions[^1];
}

public sealed record DocumentVersionView(
    Guid Id,
    int Number,
    string FileName,
    FileKind Kind,
    long Length,
    string Sha256,
    DateTimeOffset AddedAt,
    string? AddedBy,
    int? PageCount,
    RenditionStatus RenditionStatus,
    string? RenditionError)
{
    /// <summary>There is a PDF to read: the file itself, or its finished rendition.</summary>
    public bool HasPdf => RenditionStatus is RenditionStatus.NotNeeded or RenditionStatus.Ready;
}

public sealed class ListCaseDocumentsHandler(IAppDbContextFactory dbFactory, AccessService access)
{
    public async Task<Result<CaseDocumentList>> HandleAsync(ListCaseDocuments request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grants = await access.SnapshotAsync(cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var @case = await db.FindCaseAsync(grants, request.CaseId, cancellationToken);
        if (@case is null)
        {
            return Error.NotFound("Ärendet");
        }

        var documents = db.CaseDocuments.AsNoTracking().Where(d => d.CaseId == @case.Id);
        if (!grants.CanReadSecret(@case.OrganId, @case.CaseOfficerUserId))
        {
            documents = documents.Where(d => d.SecrecyProvision == null);
        }

        var rows = await documents.OrderBy(d => d.Ordinal).ToListAsync(cancellationToken);
        var ids = rows.Select(d => d.Id).ToList();
        var versions = (await db.DocumentVersions.AsNoTracking()
                .Where(v => ids.Contains(v.DocumentId))
                .OrderBy(v => v.Number)
                .ToListAsync(cancellationToken))
            .ToLookup(v => v.DocumentId);

        var canPrepare = grants.Can(Operation.PrepareCase, @case.OrganId);
        var views = rows.Select(d => new CaseDocumentView(
                d.Id, d.Ordinal, d.Direction, d.DocumentDate, d.Counterpart, d.Description, d.HideCounterpartPublicly, d.HideDescriptionPublicly,
                d.IsSecret ? new SecrecyMarking(d.SecrecyProvision!, d.SecrecyMarkedOn!.Value, d.SecrecyMarkedByName!) : null,
                d.Version,
                versions[d.Id].Select(v => new DocumentVersionView(
                    v.Id, v.Number, v.FileName, v.Kind, v.Length, v.Sha256, v.CreatedAt, v.CreatedBy, v.PageCount, v.RenditionStatus, v.RenditionError)).ToList()))
            .Where(d => d.Versions.Count > 0)
            .ToList();
        return Result<CaseDocumentList>.Ok(new CaseDocumentList(@case.Id, @case.Number, canPrepare, canPrepare, views));
    }
}
