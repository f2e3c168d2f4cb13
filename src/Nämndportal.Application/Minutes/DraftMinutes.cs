using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.Minutes;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Application.Minutes;

/// <summary>
/// Drafts a meeting's protokoll from its agenda: one § per item, numbered on from the organ's paragraph series for the
/// year (taken atomically, so two protokoll never share a number); information items as §§ or, with
/// <see cref="InformationAsSections"/> off, listed under "Föredragning av information". A decision § starts from the
/// tjänsteskrivelse: its att-satser, beslutsunderlag, summary (as Redogörelse) and "Beslutet skickas till". The roll call
/// is the organ's roster on the meeting's date; nobody is marked present yet.
/// </summary>
public sealed record DraftMinutes(Guid MeetingId, bool InformationAsSections = false);

public sealed class DraftMinutesHandler(IAppDbContextFactory dbFactory, AccessService access, ICurrentUser user, IUserDirectory users)
{
    /// <summary>The OSL provision a closed item's § is published under when its case has no secret-marked handling to name one.</summary>
    public const string DefaultSecrecyProvision = "OSL 26 kap. 1 §";

    public async Task<Result<Guid>> HandleAsync(DraftMinutes request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grants = await access.SnapshotAsync(cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var meeting = await db.Meetings.AsNoTracking().Include("_items").SingleOrDefaultAsync(m => m.Id == request.MeetingId, cancellationToken);
        if (meeting is null || !(grants.Can(Operation.ReadHandlingar, meeting.OrganId, meeting.LocalDate) || grants.Can(Operation.ManageOrgan, meeting.OrganId)))
        {
            return Error.NotFound("Sammanträdet");
        }

        if (!grants.Can(Operation.ManageOrgan, meeting.OrganId))
        {
            return Error.Forbidden();
        }

        if (meeting.Status is MeetingStatus.Planerat or MeetingStatus.Installt)
        {
            return Error.Invalid(meeting.Status == MeetingStatus.Installt
                ? "Sammanträdet är inställt och får inget protokoll."
                : "Kallelsen har inte skickats. Protokollet skrivs för ett sammanträde som ledamöterna har kallats till.");
        }

        if (meeting.Items.Count == 0)
        {
            return Error.Invalid("Föredragningslistan är tom.");
        }

        if (await db.MeetingMinutes.AnyAsync(m => m.MeetingId == meeting.Id, cancellationToken))
        {
            return Error.Invalid("Sammanträdet har redan ett protokoll.");
        }

        var organ = await db.Organs.AsNoTracking().SingleAsync(o => o.Id == meeting.OrganId, cancellationToken);
        var roster = await RosterAsync(db, organ.Id, meeting.LocalDate, cancellationToken);
        var seats = Quorum.SeatsFor(organ.Rules, roster.Count(a => a.Attendee.Kind == AttendeeKind.Member));
        var (sections, presentations) = await SectionsAsync(db, meeting, request.InformationAsSections, cancellationToken);
        if (sections.Count == 0)
        {
            return Error.Invalid("Föredragningslistan har inga punkter som blir paragrafer.");
        }

        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var year = meeting.LocalDate.Year;
        var last = await db.TakeNumbersAsync(NumberSeriesKeys.Paragraphs(organ.ParagraphSeries), year, sections.Count, cancellationToken: cancellationToken);
        MeetingMinutes minutes;
        try
        {
            minutes = MeetingMinutes.Draft(
                meeting.Id, organ.Id, organ.Name, meeting.LocalDate, meeting.Place, organ.Rules, seats,
                roster.Select(r => r.Attendee), roster.FirstOrDefault(r => r.Role == MembershipRole.Ordforande)?.Attendee.PersonId,
                last - sections.Count + 1, sections, presentations);
            minutes.SetDetails(meeting.Place, await NameOfAsync(db, users, user, cancellationToken), null, organ.Administration);
        }
        catch (DomainException ex)
        {
            return Error.Invalid(ex.Message);
        }

        db.MeetingMinutes.Add(minutes);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Error.Invalid("Sammanträdet fick just ett protokoll av någon annan. Ladda om sidan.");
        }

        await transaction.CommitAsync(cancellationToken);
        return Result<Guid>.Ok(minutes.Id);
    }

    /// <summary>The signed-in user's name as a protokoll prints it: their person's name, else their account's display name.</summary>
    internal static async Task<string?> NameOfAsync(IAppDbContext db, IUserDirectory users, ICurrentUser user, CancellationToken cancellationToken)
    {
        if (user.UserId is not { } userId)
        {
            return null;
        }

        var person = await db.Persons.AsNoTracking().Where(p => p.UserId == userId).Select(p => new { p.FirstName, p.LastName }).FirstOrDefaultAsync(cancellationToken);
        return person is not null
            ? $"{person.FirstName} {person.LastName}"
            : (await users.DisplayNamesAsync([userId], cancellationToken)).GetValueOrDefault(userId);
    }

    internal sealed record RosterLine(Attendee Attendee, MembershipRole Role, Guid MembershipId);

    /// <summary>The roll call: chair, vice chairs and ledamöter in that order, then the ersättare by party and call-in order.</summary>
    internal static async Task<IReadOnlyList<RosterLine>> RosterAsync(IAppDbContext db, Guid organId, DateOnly date, CancellationToken cancellationToken)
    {
        var rows = await (
            from m in db.Memberships.AsNoTracking()
            join p in db.Persons.AsNoTracking() on m.PersonId equals p.Id
            join party in db.Parties.AsNoTracking() on m.PartyId equals party.Id into parties
            from party in parties.DefaultIfEmpty()
            where m.OrganId == organId && m.ValidFrom <= date && (m.ValidTo == null || m.ValidTo >= date)
            select new { Membership = m, p.FirstName, p.LastName, Party = party == null ? null : party.Abbreviation })
            .ToListAsync(cancellationToken);
        var ordered = rows
            .OrderBy(r => r.Membership.Role == MembershipRole.Ersattare)
            .ThenBy(r => r.Membership.Role)
            .ThenBy(r => r.Membership.Role == MembershipRole.Ersattare ? r.Party : null, StringComparer.Ordinal)
            .ThenBy(r => r.Membership.CallInOrder ?? int.MaxValue)
            .ThenBy(r => r.LastName, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("sv-SE"), false))
            .ToList();
        return ordered
            .DistinctBy(r => r.Membership.PersonId)
            .Select((r, i) => new RosterLine(
                new Attendee(
                    r.Membership.PersonId,
                    r.Membership.Role == MembershipRole.Ersattare ? AttendeeKind.Substitute : AttendeeKind.Member,
                    $"{r.FirstName} {r.LastName}",
                    r.Party,
                    r.Membership.Role.SwedishName(),
                    null,
                    i + 1),
                r.Membership.Role,
                r.Membership.Id))
            .ToList();
    }

    private static async Task<(List<SectionDraft> Sections, List<Presentation> Presentations)> SectionsAsync(
        IAppDbContext db, Meeting meeting, bool informationAsSections, CancellationToken cancellationToken)
    {
        var caseIds = meeting.Items.Where(i => i.CaseId is not null).Select(i => i.CaseId!.Value).ToList();
        var reports = await db.OfficerReports.AsNoTracking().Where(r => caseIds.Contains(r.CaseId)).ToDictionaryAsync(r => r.CaseId, cancellationToken);
        var documents = await db.CaseDocuments.AsNoTracking().Where(d => caseIds.Contains(d.CaseId))
            .Select(d => new { d.Id, d.CaseId, d.Description, d.DocumentDate, d.SecrecyProvision })
            .ToListAsync(cancellationToken);
        var sections = new List<SectionDraft>();
        var presentations = new List<Presentation>();
        foreach (var item in meeting.Items)
        {
            if (item.Kind == AgendaItemKind.Information && !informationAsSections)
            {
                presentations.Add(new Presentation(item.Presenter ?? "–", item.Title));
                continue;
            }

            var kind = item.Kind switch
            {
                AgendaItemKind.Decision => SectionKind.Decision,
                AgendaItemKind.Information => SectionKind.Information,
                AgendaItemKind.Election => SectionKind.Election,
                _ => SectionKind.Standard,
            };
            OfficerReport? report = item.CaseId is { } id ? reports.GetValueOrDefault(id) : null;
            var caseDocuments = documents.Where(d => d.CaseId == item.CaseId).ToList();
            var basis = report is null
                ? []
                : report.DecisionBasis
                    .Select(docId => caseDocuments.FirstOrDefault(d => d.Id == docId))
                    .Where(d => d is not null)
                    .Select(d => $"{d!.Description}, {d.DocumentDate:yyyy-MM-dd}")
                    .Prepend(report.ReportDate is { } date ? $"Tjänsteskrivelse, {date:yyyy-MM-dd}" : "Tjänsteskrivelse")
                    .ToList();
            var secrecy = item.IsClosed
                ? caseDocuments.Select(d => d.SecrecyProvision).FirstOrDefault(p => p is not null) ?? DefaultSecrecyProvision
                : null;
            sections.Add(new SectionDraft(
                item.Id, kind, item.Title, item.CaseId, item.CaseNumber, item.Presenter,
                report?.Proposals, basis, report?.SummaryHtml, report?.DispatchTo, secrecy));
        }

        return (sections, presentations);
    }
}
