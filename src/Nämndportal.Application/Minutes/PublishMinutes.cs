using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nämndportal.Application.Cases;
using Nämndportal.Application.Common;
using Nämndportal.Application.NoticeBoard;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Files;
using Nämndportal.Domain.Minutes;

namespace Nämndportal.Application.Minutes;

/// <summary>The public version as the secretary reviews it (rule 24): the text the public will read, and the numbers in it that look like personnummer.</summary>
public sealed record PublicMinutesPreview(MinutesDocumentModel Document, IReadOnlyList<string> Findings, uint Version, bool Published);

/// <summary>Publishes the reviewed public version: <see cref="Reviewed"/> confirms the review; <see cref="OverrideReason"/> records why a found number may still go out.</summary>
public sealed record PublishMinutes(Guid MinutesId, uint Version, bool Reviewed, string? OverrideReason);

/// <summary>The public version for its review: only a justerat protokoll, only for those who write it.</summary>
public sealed class PreviewPublicMinutesHandler(IAppDbContextFactory dbFactory, AccessService access, IOptions<OfficerReportOptions> options)
{
    public async Task<Result<PublicMinutesPreview>> HandleAsync(Guid minutesId, CancellationToken cancellationToken = default)
    {
        var grants = await access.SnapshotAsync(cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var minutes = await db.LoadMinutesAsync(minutesId, track: false, cancellationToken);
        if (minutes is null || !grants.CanView(minutes))
        {
            return Error.NotFound("Protokollet");
        }

        if (!grants.CanWrite(minutes))
        {
            return Error.Forbidden();
        }

        if (minutes.Status != MinutesStatus.Approved)
        {
            return Error.Invalid("Den offentliga versionen granskas när protokollet är justerat.");
        }

        var document = MinutesDocumentBuilder.Build(minutes, MinutesPrintKind.Public, options.Value.Municipality);
        return Result<PublicMinutesPreview>.Ok(new PublicMinutesPreview(document, PublicMinutesText.Findings(document), minutes.Version, minutes.PublicFileId is not null));
    }
}

/// <summary>
/// Publishes the public version (rules 23, 24): refused without the review, and while it holds a personnummer or
/// samordningsnummer unless a reason is recorded. The public PDF is kept and put on the protokoll's anslag; the public
/// HTML pages read the same version.
/// </summary>
public sealed class PublishMinutesHandler(
    IAppDbContextFactory dbFactory, AccessService access, MinutesPdfService pdf, IOptions<OfficerReportOptions> options, ICurrentUser user, TimeProvider clock,
    IPublicPageCache publicPages)
{
    public async Task<Result<uint>> HandleAsync(PublishMinutes request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var published = await MinutesEditing.EditAsync(dbFactory, access, request.MinutesId, request.Version, async (db, minutes) =>
        {
            if (minutes.Status != MinutesStatus.Approved)
            {
                return Error.Invalid("Bara ett justerat protokoll kan publiceras.");
            }

            var document = MinutesDocumentBuilder.Build(minutes, MinutesPrintKind.Public, options.Value.Municipality);
            var findings = PublicMinutesText.Findings(document);
            // Checked before printing, so nothing is printed for a refused publication.
            minutes.EnsurePublishable(request.Reviewed, findings, request.OverrideReason);

            var printed = await pdf.RenderAsync(minutes, MinutesPrintKind.Public, await ProofAsync(db, minutes, cancellationToken), cancellationToken: cancellationToken);
            var file = StoredFile.ForMinutes(MinutesPdfService.FileName(minutes, " (offentlig version)"), printed, minutes.Id, StoredFileSource.MinutesPublic, containsSecret: false);
            db.StoredFiles.Add(file);
            minutes.Publish(file.Id, request.Reviewed, findings, request.OverrideReason, user.UserName ?? "okänd", clock.GetUtcNow());
            if (minutes.PostingId is { } postingId && await db.Postings.SingleOrDefaultAsync(p => p.Id == postingId, cancellationToken) is { } posting)
            {
                posting.AttachPublicFile(file.Id);
            }

            return null;
        }, cancellationToken);
        if (published.Succeeded)
        {
            // The public version's pages and its file on the protokoll's anslag.
            await publicPages.EvictAsync(cancellationToken);
        }

        return published;
    }

    internal static async Task<NoticeProof?> ProofAsync(IAppDbContext db, MeetingMinutes minutes, CancellationToken cancellationToken)
    {
        var posting = minutes.PostingId is { } id ? await db.Postings.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken) : null;
        return posting is { ApprovedOn: { } approvedOn }
            ? new NoticeProof(minutes.MeetingDate, approvedOn, posting.UpOn, posting.DownOn, posting.KeptAt ?? string.Empty)
            : null;
    }
}

/// <summary>A published protokoll for the public pages (anyone): the public version only, and only once published.</summary>
public sealed class GetPublicMinutesHandler(IAppDbContextFactory dbFactory, IOptions<OfficerReportOptions> options)
{
    public async Task<Result<MinutesDocumentModel>> HandleAsync(Guid minutesId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var minutes = await db.LoadMinutesAsync(minutesId, track: false, cancellationToken);
        if (minutes is null || minutes.PublicFileId is null || minutes.Status != MinutesStatus.Approved)
        {
            return Error.NotFound("Protokollet");
        }

        var proof = await PublishMinutesHandler.ProofAsync(db, minutes, cancellationToken);
        return Result<MinutesDocumentModel>.Ok(MinutesDocumentBuilder.Build(minutes, MinutesPrintKind.Public, options.Value.Municipality, proof));
    }
}

/// <summary>Every text the public version shows, for the personnummer check of rule 24.</summary>
public static partial class PublicMinutesText
{
    public static IReadOnlyList<string> Findings(MinutesDocumentModel document) =>
        Texts(document).SelectMany(PersonalIdentityNumbers.Find).Distinct().ToList();

    public static IEnumerable<string> Texts(MinutesDocumentModel document)
    {
        ArgumentNullException.ThrowIfNull(document);
        yield return document.PlaceAndTime;
        foreach (var p in document.Deciding.Concat(document.OtherSubstitutes).Concat(document.Officials).Concat(document.Others))
        {
            yield return $"{p.Name} {p.Role} {p.Replaces}";
        }

        foreach (var p in document.Presentations)
        {
            yield return $"{p.Presenter} {p.Subject}";
        }

        foreach (var s in document.Sections)
        {
            foreach (var text in new[] { s.Title, s.CaseNumber, s.Placeholder, s.QuorumNote, s.Presenter, s.PropositionOrder, s.Appeal, s.AdjournmentAfter }
                         .Concat(s.AttendanceNotes).Concat(s.Disqualifications).Concat(s.Decisions).Concat(s.DecisionBasis).Concat(s.Proposals)
                         .Concat(s.Reservations).Concat(s.Notes).Concat(s.SendTo)
                         .Concat(s.Votes.SelectMany(v => v.Lines.Select(l => l.Name).Append(v.JaMeans).Append(v.NejMeans).Append(v.Result))))
            {
                if (!string.IsNullOrEmpty(text))
                {
                    yield return text;
                }
            }

            if (s.AccountHtml is { } html)
            {
                yield return WebUtility.HtmlDecode(Tags().Replace(html, " "));
            }
        }
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
