using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Cases;

namespace Nämndportal.Application.Cases;

/// <summary>
/// A case page: the case, what the user may do with it, its timeline and its related cases. Timeline lines about a
/// secret handling are left out for those who may not read it, and links to cases the user may not read are not shown.
/// </summary>
public sealed record CaseDetails(
    Guid Id, string Number, string Title, Guid OrganId, string OrganName, CaseStatus Status, DateOnly RegisteredOn,
    Guid? CaseOfficerUserId, string? CaseOfficer, uint Version, bool CanPrepare, IReadOnlyList<CaseStatus> NextStatuses,
    IReadOnlyList<TimelineEntry> Timeline, IReadOnlyList<RelatedCase> Related);

public sealed record TimelineEntry(DateTimeOffset At, string Actor, string Text);

public sealed record RelatedCase(Guid LinkId, Guid CaseId, string Number, string Title, CaseStatus Status, string? Note);

public sealed class GetCaseHandler(IAppDbContextFactory dbFactory, AccessService access, IUserDirectory users)
{
    public async Task<Result<CaseDetails>> HandleAsync(Guid caseId, CancellationToken cancellationToken = default)
    {
        var grants = await access.SnapshotAsync(cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var @case = await db.FindCaseAsync(grants, caseId, cancellationToken);
        if (@case is null)
        {
            return Error.NotFound("Ärendet");
        }

        var organName = await db.Organs.Where(o => o.Id == @case.OrganId).Select(o => o.Name).SingleAsync(cancellationToken);
        var officer = @case.CaseOfficerUserId is { } officerId
            ? (await users.DisplayNamesAsync([officerId], cancellationToken)).GetValueOrDefault(officerId)
            : null;
        var canPrepare = grants.Can(Operation.PrepareCase, @case.OrganId);
        var next = canPrepare ? Enum.GetValues<CaseStatus>().Where(s => @case.CanMoveTo(s) && ChangeCaseStatus.IsManual(@case.Status, s)).ToList() : [];

        var mayReadSecret = grants.CanReadSecret(@case.OrganId, @case.CaseOfficerUserId);
        var documents = await db.CaseDocuments.AsNoTracking().Where(d => d.CaseId == caseId).ToListAsync(cancellationToken);
        var hidden = documents.Where(d => d.IsSecret && !mayReadSecret).Select(d => d.Id).ToHashSet();
        var descriptions = documents.ToDictionary(d => d.Id, d => d.Description);

        var links = await db.CaseLinks.AsNoTracking().Where(l => l.FirstCaseId == caseId || l.SecondCaseId == caseId).ToListAsync(cancellationToken);
        var events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == caseId).OrderByDescending(e => e.At).ThenByDescending(e => e.Id).ToListAsync(cancellationToken);
        // The other cases of today's links and of the timeline's link lines (a removed link stays on the timeline).
        var otherIds = links.Select(l => l.Other(caseId))
            .Concat(events.Where(e => e.OtherCaseId is not null).Select(e => e.OtherCaseId!.Value))
            .Distinct().ToList();
        var others = await db.Cases.AsNoTracking().Where(c => otherIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var related = new List<RelatedCase>();
        foreach (var link in links)
        {
            if (others.TryGetValue(link.Other(caseId), out var other) && grants.Can(Operation.ReadCase, other.OrganId))
            {
                related.Add(new RelatedCase(link.Id, other.Id, other.Number, other.Title, other.Status, link.Note));
            }
        }

        related.Sort((a, b) => string.CompareOrdinal(a.Number, b.Number));

        var meetingIds = events.Where(e => e.MeetingId is not null).Select(e => e.MeetingId!.Value).Distinct().ToList();
        var meetings = await db.Meetings.AsNoTracking().Where(m => meetingIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.StartsAt, cancellationToken);
        // The timeline recorded who by user name, an e-mail address: show the person's name instead, never the address.
        var actors = await users.DisplayNamesByUserNameAsync(events.Select(e => e.Actor).Distinct(StringComparer.Ordinal).ToList(), cancellationToken);
        var timeline = events
            .Where(e => e.DocumentId is null || !hidden.Contains(e.DocumentId.Value))
            .Where(e => e.OtherCaseId is null || (others.TryGetValue(e.OtherCaseId.Value, out var o) && grants.Can(Operation.ReadCase, o.OrganId)))
            .Select(e => new TimelineEntry(e.At, ActorName(e.Actor, actors), Describe(e, descriptions, others, meetings)))
            .ToList();

        return Result<CaseDetails>.Ok(new CaseDetails(
            @case.Id, @case.Number, @case.Title, @case.OrganId, organName, @case.Status, @case.RegisteredOn,
            @case.CaseOfficerUserId, officer, @case.Version, canPrepare, next, timeline, related));
    }

    /// <summary>The display name of who did it; "system" as it is; a login without a name, or one since removed, as "En användare".</summary>
    private static string ActorName(string actor, IReadOnlyDictionary<string, string> names) =>
        names.TryGetValue(actor, out var name) ? name : actor.Contains('@', StringComparison.Ordinal) ? "En användare" : actor;

    private static string Describe(CaseEvent e, Dictionary<Guid, string> descriptions, Dictionary<Guid, Case> others, Dictionary<Guid, DateTimeOffset> meetings)
    {
        var document = e.DocumentId is { } id && descriptions.TryGetValue(id, out var description)
            ? $"handling {e.DocumentOrdinal} ({description})"
            : $"handling {e.DocumentOrdinal}";
        var other = e.OtherCaseId is { } otherId && others.TryGetValue(otherId, out var o) ? o.Number : "ett annat ärende";
        return e.Kind switch
        {
            CaseEventKind.Registered => "Ärendet registrerades.",
            CaseEventKind.DocumentAdded => $"Ny {document}.",
            CaseEventKind.VersionAdded => $"Version {e.VersionNumber} av {document}.",
            CaseEventKind.DocumentMarkedSecret => $"{Capitalise(document)} sekretessmarkerades.",
            CaseEventKind.DocumentSecrecyRemoved => $"Sekretessmarkeringen togs bort från {document}.",
            CaseEventKind.StatusChanged => $"Status ändrades från {Name(e.FromStatus)} till {Name(e.ToStatus)}.",
            CaseEventKind.ReportSaved => "Tjänsteskrivelsen sparades.",
            CaseEventKind.CaseLinked => $"Länkades till {other}.",
            CaseEventKind.CaseUnlinked => $"Länken till {other} togs bort.",
            CaseEventKind.Decided => e.MeetingId is { } meetingId && meetings.TryGetValue(meetingId, out var startsAt)
                ? $"Beslutades vid sammanträdet {Domain.Common.SwedishTime.ToLocal(startsAt):yyyy-MM-dd}, § {e.Paragraph}."
                : $"Beslutades i § {e.Paragraph}.",
            _ => e.Kind.ToString(),
        };
    }

    private static string Name(CaseStatus? status) => status is { } s ? CaseStatusNames.Name(s).ToLowerInvariant() : "okänd";

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
