using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nämndportal.Application.Cases;
using Nämndportal.Application.Common;
using Nämndportal.Application.Pdf;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Files;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Application.Meetings;

/// <summary>
/// Prints a meeting's kallelse pack (handlingspaket) in one of its <see cref="PackVariant"/>s: the kallelse page, then per
/// item its tjänsteskrivelse and handlingar as the agenda chose them, with ersättningssidor where a variant may not show a
/// handling or a handling has no readable PDF. Printed parts (tjänsteskrivelser, kallelse pages) are cached as
/// <see cref="PackPart"/>s under the checksum of their inputs, so re-printing after one change prints only that part.
/// Access is the caller's business: this service prints what it is asked to.
/// </summary>
public sealed class NoticePackService(
    IAppDbContextFactory dbFactory,
    IPdfRenderer renderer,
    IPdfPackAssembler assembler,
    IRichTextSanitizer sanitizer,
    IUserDirectory users,
    IOptions<OfficerReportOptions> options,
    TimeProvider clock,
    ILogger<NoticePackService> logger,
    IOptions<NoticePackOptions>? packOptions = null)
{
    /// <summary>Raise when a template or the way parts are printed changes: every cached part is printed anew.</summary>
    public const string PartsVersion = "kallelse-pack-1";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>
    /// Prints the pack of <paramref name="meetingId"/> as the agenda stands now; a <paramref name="stamp"/> ("Utkast") is
    /// written at the top right of every page.
    /// </summary>
    public async Task<PdfPack> BuildAsync(
        Guid meetingId, PackVariant variant, int versionNumber, string? changeNote, Func<int, string, Task>? progress = null,
        string? stamp = null, CancellationToken cancellationToken = default)
    {
        var source = await LoadAsync(meetingId, cancellationToken);
        var items = new List<PdfPackItem>();
        var leftOut = new Dictionary<Guid, List<string>>();
        var done = 0;
        foreach (var item in source.Meeting.Items)
        {
            var (packItem, notes) = await ItemAsync(source, item, variant, cancellationToken);
            items.Add(packItem);
            leftOut[item.Id] = notes;
            done++;
            if (progress is not null)
            {
                await progress(done * 80 / Math.Max(1, source.Meeting.Items.Count), $"Punkt {done} av {source.Meeting.Items.Count} är klar");
                if (packOptions?.Value.StepDelay is { } delay && delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, clock, cancellationToken);
                }
            }
        }

        using var draft = assembler.Prepare(items);
        var title = $"Kallelse {source.Organ.Name} {source.Meeting.LocalDate:yyyy-MM-dd}";
        var pack = await draft.AssembleAsync(
            title,
            "Kallelse",
            async (layout, ct) =>
            {
                var model = NoticePage(source, variant, versionNumber, changeNote, layout, leftOut);
                var pageLayout = new PdfLayout(title, $"{options.Value.Municipality ?? "Kommunen"}, {source.Organ.Name}", $"KALLELSE {source.Meeting.LocalDate:yyyy-MM-dd}", null, NumberPages: false);
                return await CachedAsync(PdfPackChecksum.Of(PartsVersion, "notice", JsonSerializer.Serialize(model, Json)), () => renderer.RenderAsync(model, pageLayout, ct), ct);
            },
            stamp,
            cancellationToken);
        if (progress is not null)
        {
            await progress(90, "Handlingspaketet är sammanfogat");
        }

        logger.LogInformation("Kallelse pack for meeting {MeetingId} ({Variant}) printed: {Pages} pages", meetingId, variant, pack.PageCount);
        return pack;
    }

    /// <summary>
    /// Prints and stores the three packs of a sent kallelse version, once: a version that already has its packs is left as
    /// it is (a retried job does nothing twice), and stored packs never change.
    /// </summary>
    public async Task EnsureVersionPacksAsync(Guid noticeVersionId, Func<int, string, Task>? progress = null, CancellationToken cancellationToken = default)
    {
        NoticeVersion version;
        string fileStem;
        await using (var db = await dbFactory.CreateAsync(cancellationToken))
        {
            version = await db.NoticeVersions.AsNoTracking().SingleAsync(v => v.Id == noticeVersionId, cancellationToken);
            if (version.HasPacks)
            {
                return;
            }

            var meeting = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == version.MeetingId, cancellationToken);
            var organ = await db.Organs.AsNoTracking().SingleAsync(o => o.Id == meeting.OrganId, cancellationToken);
            fileStem = $"kallelse-{FileSafe(organ.ShortName)}-{meeting.LocalDate:yyyy-MM-dd}-v{version.Number}";
        }

        var variants = new[] { PackVariant.Members, PackVariant.MembersWithoutSecrets, PackVariant.Public };
        var files = new List<StoredFile>();
        for (var i = 0; i < variants.Length; i++)
        {
            var variant = variants[i];
            var step = i;
            var pack = await BuildAsync(version.MeetingId, variant, version.Number, version.ChangeNote,
                progress is null ? null : (percent, text) => progress((step * 100 + percent) / variants.Length, $"{VariantName(variant)}: {text}"),
                cancellationToken: cancellationToken);
            var suffix = variant switch
            {
                PackVariant.Members => string.Empty,
                PackVariant.MembersWithoutSecrets => "-utan-sekretess",
                PackVariant.Public => "-offentlig",
                _ => throw new ArgumentOutOfRangeException(nameof(noticeVersionId), variant, null),
            };
            files.Add(StoredFile.ForNoticePack(fileStem + suffix + ".pdf", pack.Pdf, noticeVersionId,
                await HoldsSecretAsync(version.MeetingId, variant, cancellationToken)));
        }

        await using (var db = await dbFactory.CreateAsync(cancellationToken))
        {
            var tracked = await db.NoticeVersions.SingleAsync(v => v.Id == noticeVersionId, cancellationToken);
            if (tracked.HasPacks)
            {
                return;
            }

            db.StoredFiles.AddRange(files);
            tracked.AttachPacks(files[0].Id, files[1].Id, files[2].Id);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public static string VariantName(PackVariant variant) => variant switch
    {
        PackVariant.Members => "Ledamöternas paket",
        PackVariant.MembersWithoutSecrets => "Paket utan sekretess",
        PackVariant.Public => "Offentligt paket",
        _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, null),
    };

    private static string FileSafe(string text) =>
        new(text.ToLowerInvariant().Select(c => c switch { 'å' or 'ä' => 'a', 'ö' => 'o', _ when char.IsAsciiLetterOrDigit(c) => c, _ => '-' }).ToArray());

    /// <summary>Whether the pack of this variant will hold a secret handling (the members' variant of an agenda with one).</summary>
    public async Task<bool> HoldsSecretAsync(Guid meetingId, PackVariant variant, CancellationToken cancellationToken = default)
    {
        if (variant != PackVariant.Members)
        {
            return false;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return await (from i in db.AgendaItems
                      join d in db.AgendaItemDocuments on i.Id equals d.AgendaItemId
                      join c in db.CaseDocuments on d.CaseDocumentId equals c.Id
                      where i.MeetingId == meetingId && c.SecrecyProvision != null
                      select c.Id).AnyAsync(cancellationToken);
    }

    private async Task<(PdfPackItem Item, List<string> LeftOut)> ItemAsync(PackSource source, AgendaItem item, PackVariant variant, CancellationToken cancellationToken)
    {
        var isPublic = variant == PackVariant.Public;
        var title = isPublic ? item.EffectivePublicTitle : item.Title;
        var outline = $"{item.Position}. {title}";
        var leftOut = new List<string>();

        // A standard item's report from the registers: public material (individual cases only as counts, rule 23).
        if (source.RegisterReports.TryGetValue(item.Id, out var register))
        {
            var layout = register.Layout();
            var pdf = await CachedAsync(
                PdfPackChecksum.Of(PartsVersion, "register-report", JsonSerializer.Serialize(register, Json)),
                () => renderer.RenderAsync(register, layout, cancellationToken), cancellationToken);
            return (new PdfPackItem(outline, [PdfPackDocument.Of(register.Title, pdf)]), leftOut);
        }

        if (item.Documents.Count == 0)
        {
            return (new PdfPackItem(outline, []), leftOut);
        }

        // Rule 2: nothing of a closed item reaches the public, not even the names of its handlingar.
        if (isPublic && item.IsClosed)
        {
            leftOut.Add("Handlingarna finns hos nämndsekreteraren.");
            return (new PdfPackItem(outline, [PdfPackDocument.InPlaceOf(title, new PlaceholderPage(PlaceholderReason.ClosedItem))]), leftOut);
        }

        var documents = new List<PdfPackDocument>();
        foreach (var entry in item.Documents)
        {
            if (entry.IsOfficerReport)
            {
                if (item.CaseId is { } caseId && source.Reports.TryGetValue(caseId, out var report))
                {
                    var pdf = await OfficerReportPartAsync(source.Organ, source.Cases[caseId], report, source.Documents, cancellationToken);
                    documents.Add(PdfPackDocument.Of("Tjänsteskrivelse", pdf));
                }

                continue;
            }

            var document = source.Documents[entry.CaseDocumentId!.Value];
            var shown = isPublic ? document.PublicView() : null;
            var name = $"Handling {document.Ordinal}: {shown?.Description ?? document.Description}";
            if (document.IsSecret && variant != PackVariant.Members)
            {
                // Rule 1: the kallelse says when a handling is left out, and where it is.
                name = $"Handling {document.Ordinal} (sekretess)";
                leftOut.Add($"Handling {document.Ordinal} omfattas av sekretess enligt {document.SecrecyProvision} och finns hos nämndsekreteraren.");
                documents.Add(PdfPackDocument.InPlaceOf(name, new PlaceholderPage(PlaceholderReason.Secret, document.SecrecyProvision)));
                continue;
            }

            documents.Add(source.Versions.TryGetValue(document.Id, out var version) ? Readable(name, version, source) : PdfPackDocument.InPlaceOf(name, new PlaceholderPage(PlaceholderReason.NotConverted)));
        }

        return (new PdfPackItem(outline, documents), leftOut);
    }

    /// <summary>
    /// The tjänsteskrivelse of <paramref name="caseId"/> as the pack of <paramref name="meetingId"/> prints it: the same
    /// cached <see cref="PackPart"/> (printed now, and cached for the pack, if no pack has printed it yet), so the meeting
    /// reader shows exactly the pages of the pack. Null when the case has no tjänsteskrivelse. Access is the caller's.
    /// </summary>
    public async Task<byte[]?> OfficerReportPdfAsync(Guid meetingId, Guid caseId, CancellationToken cancellationToken = default)
    {
        Organ organ;
        Case @case;
        OfficerReport? report;
        Dictionary<Guid, CaseDocument> documents;
        await using (var db = await dbFactory.CreateAsync(cancellationToken))
        {
            var organId = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId).Select(m => m.OrganId).SingleAsync(cancellationToken);
            organ = await db.Organs.AsNoTracking().SingleAsync(o => o.Id == organId, cancellationToken);
            @case = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == caseId, cancellationToken);
            report = await db.OfficerReports.AsNoTracking().SingleOrDefaultAsync(r => r.CaseId == caseId, cancellationToken);
            if (report is null)
            {
                return null;
            }

            documents = await db.CaseDocuments.AsNoTracking().Where(d => d.CaseId == caseId).ToDictionaryAsync(d => d.Id, cancellationToken);
        }

        return await OfficerReportPartAsync(organ, @case, report, documents, cancellationToken);
    }

    private async Task<byte[]> OfficerReportPartAsync(
        Organ organ, Case @case, OfficerReport report, IReadOnlyDictionary<Guid, CaseDocument> documents, CancellationToken cancellationToken)
    {
        var model = OfficerReportDocumentModel.Build(
            options.Value.Municipality, organ, @case, report,
            report.DecisionBasis.Where(documents.ContainsKey).Select(id => documents[id]).ToList(), sanitizer);
        var layout = model.Layout(numberPages: false);
        return await CachedAsync(
            PdfPackChecksum.Of(PartsVersion, "officer-report", JsonSerializer.Serialize(model, Json)),
            () => renderer.RenderAsync(model, layout, cancellationToken), cancellationToken);
    }

    private static PdfPackDocument Readable(string name, DocumentVersion version, PackSource source)
    {
        if (version.ReadablePdfSha256 is { } sha && source.Blobs.TryGetValue(sha, out var bytes))
        {
            return PdfPackDocument.Of(name, bytes);
        }

        return PdfPackDocument.InPlaceOf(name, new PlaceholderPage(version.RenditionStatus switch
        {
            RenditionStatus.Failed => PlaceholderReason.ConversionFailed,
            RenditionStatus.NotNeeded or RenditionStatus.Pending or RenditionStatus.Ready => PlaceholderReason.NotConverted,
            _ => throw new ArgumentOutOfRangeException(nameof(version), version.RenditionStatus, null),
        }));
    }

    private NoticeDocumentModel NoticePage(
        PackSource source, PackVariant variant, int versionNumber, string? changeNote, IReadOnlyList<PdfPackItemPages> layout,
        Dictionary<Guid, List<string>> leftOut)
    {
        var isPublic = variant == PackVariant.Public;
        var lines = source.Meeting.Items.Select((item, index) =>
        {
            var pages = layout[index];
            var hasPages = pages.PageCount > 0;
            return new NoticeItemLine(
                item.Position,
                isPublic ? item.EffectivePublicTitle : item.Title,
                isPublic && item.IsClosed ? null : item.CaseNumber,
                isPublic && item.IsClosed ? null : item.Presenter,
                item.PlannedTime,
                item.IsClosed,
                item.IsLateAddition,
                hasPages ? pages.FirstPage : null,
                hasPages ? pages.LastPage : null,
                leftOut[item.Id]);
        }).ToList();
        return new NoticeDocumentModel(
            options.Value.Municipality ?? "Kommunen",
            source.Organ.Name,
            source.Meeting.StartsAt,
            source.Meeting.EndsAt,
            source.Meeting.Place,
            source.Meeting.GroupMeetings,
            source.Meeting.NoticeNotes,
            versionNumber,
            changeNote,
            lines,
            source.Contacts,
            isPublic);
    }

    private async Task<byte[]> CachedAsync(string checksum, Func<Task<byte[]>> render, CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateAsync(cancellationToken))
        {
            var cached = await db.PackParts.AsNoTracking().Where(p => p.Checksum == checksum).Select(p => p.Content).FirstOrDefaultAsync(cancellationToken);
            if (cached is not null)
            {
                return cached;
            }
        }

        var pdf = await render();
        await using (var db = await dbFactory.CreateAsync(cancellationToken))
        {
            db.PackParts.Add(new PackPart(checksum, pdf, clock.GetUtcNow()));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another instance printed the same part at the same moment: same inputs, same part.
            }
        }

        return pdf;
    }

    private async Task<PackSource> LoadAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var meeting = await db.Meetings.AsNoTracking().Include("_items._documents").SingleAsync(m => m.Id == meetingId, cancellationToken);
        var organ = await db.Organs.AsNoTracking().SingleAsync(o => o.Id == meeting.OrganId, cancellationToken);
        var caseIds = meeting.Items.Where(i => i.CaseId is not null).Select(i => i.CaseId!.Value).ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var reports = await db.OfficerReports.AsNoTracking().Where(r => caseIds.Contains(r.CaseId)).ToDictionaryAsync(r => r.CaseId, cancellationToken);
        var documents = await db.CaseDocuments.AsNoTracking().Where(d => caseIds.Contains(d.CaseId)).ToDictionaryAsync(d => d.Id, cancellationToken);
        var wanted = meeting.Items.SelectMany(i => i.Documents).Where(d => d.CaseDocumentId is not null).Select(d => d.CaseDocumentId!.Value).Distinct().ToList();
        var versions = (await db.DocumentVersions.AsNoTracking().Where(v => wanted.Contains(v.DocumentId)).ToListAsync(cancellationToken))
            .GroupBy(v => v.DocumentId)
            .ToDictionary(g => g.Key, g => g.MaxBy(v => v.Number)!);
        var shas = versions.Values.Select(v => v.ReadablePdfSha256).OfType<string>().Distinct().ToList();
        var blobs = await db.FileBlobs.AsNoTracking().Where(b => shas.Contains(b.Sha256)).ToDictionaryAsync(b => b.Sha256, b => b.Content, cancellationToken);
        var registerReports = new Dictionary<Guid, Delegation.RegisterReportDocumentModel>();
        foreach (var item in meeting.Items.Where(i => i.Report != AgendaReport.None))
        {
            if (await Delegation.RegisterReports.BuildAsync(db, meeting, item, organ.Name, cancellationToken) is { } model)
            {
                registerReports[item.Id] = model;
            }
        }

        return new PackSource(meeting, organ, cases, reports, documents, versions, blobs, await ContactsAsync(db, meeting, cancellationToken))
        {
            RegisterReports = registerReports,
        };
    }

    /// <summary>The chair (ordförande whose seat is valid on the meeting day) and the organ's nämndsekreterare.</summary>
    private async Task<IReadOnlyList<NoticeContact>> ContactsAsync(IAppDbContext db, Meeting meeting, CancellationToken cancellationToken)
    {
        var contacts = new List<NoticeContact>();
        var date = meeting.LocalDate;
        var chairs = await (from m in db.Memberships.AsNoTracking()
                            join p in db.Persons.AsNoTracking() on m.PersonId equals p.Id
                            where m.OrganId == meeting.OrganId && m.Role == MembershipRole.Ordforande
                            select new { Membership = m, Person = p }).ToListAsync(cancellationToken);
        if (chairs.FirstOrDefault(c => c.Membership.IsValidOn(date)) is { } chair)
        {
            contacts.Add(new NoticeContact(chair.Person.FullName, "ordförande", null, null));
        }

        var secretaries = await db.OrganOfficials.AsNoTracking()
            .Where(o => o.OrganId == meeting.OrganId && o.Function == OfficialFunction.Namndsekreterare)
            .Select(o => o.UserId)
            .ToListAsync(cancellationToken);
        foreach (var userId in secretaries.Take(1))
        {
            if (await users.ContactAsync(userId, cancellationToken) is { } contact)
            {
                var person = await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
                contacts.Add(new NoticeContact(contact.Name, "nämndsekreterare", contact.Email, person?.Phone));
            }
        }

        return contacts;
    }

    private sealed record PackSource(
        Meeting Meeting,
        Organ Organ,
        IReadOnlyDictionary<Guid, Case> Cases,
        IReadOnlyDictionary<Guid, OfficerReport> Reports,
        IReadOnlyDictionary<Guid, CaseDocument> Documents,
        IReadOnlyDictionary<Guid, DocumentVersion> Versions,
        IReadOnlyDictionary<string, byte[]> Blobs,
        IReadOnlyList<NoticeContact> Contacts)
    {
        /// <summary>The registers' reports (delegationsbeslut, meddelanden) the standard items carry, by item.</summary>
        public Dictionary<Guid, Delegation.RegisterReportDocumentModel> RegisterReports { get; init; } = [];
    }
}
