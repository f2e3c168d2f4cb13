using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Minutes;

namespace Nämndportal.Application.Minutes;

/// <summary>
/// The secretary's edits of a protokoll while the meeting runs and after it: each method one use case and one
/// transaction over the protokoll's version (docs/adr/0006). The rules are the domain's (<see cref="MeetingMinutes"/>);
/// a broken one comes back as an <see cref="Error"/> with its Swedish message, and nothing is saved.
/// </summary>
public sealed class EditMinutesHandler(IAppDbContextFactory dbFactory, AccessService access, TimeProvider clock, Cases.IRichTextSanitizer sanitizer)
{
    private Task<Result<uint>> Edit(Guid minutesId, uint version, Action<MeetingMinutes> change, CancellationToken ct) =>
        MinutesEditing.EditAsync(dbFactory, access, minutesId, version, (_, minutes) =>
        {
            change(minutes);
            return Task.FromResult<Error?>(null);
        }, ct);

    /// <summary>The chair opens the meeting: the meeting is under way and the protokoll records the time.</summary>
    public Task<Result<uint>> OpenMeetingAsync(Guid minutesId, uint version, CancellationToken ct = default) =>
        MinutesEditing.EditAsync(dbFactory, access, minutesId, version, async (db, minutes) =>
        {
            var meeting = await db.Meetings.SingleAsync(m => m.Id == minutes.MeetingId, ct);
            meeting.Open();
            minutes.RecordOpened(clock.GetUtcNow());
            return null;
        }, ct);

    /// <summary>The chair closes the meeting: no reservation can be announced after this (rule 10).</summary>
    public Task<Result<uint>> CloseMeetingAsync(Guid minutesId, uint version, CancellationToken ct = default) =>
        MinutesEditing.EditAsync(dbFactory, access, minutesId, version, async (db, minutes) =>
        {
            var meeting = await db.Meetings.SingleAsync(m => m.Id == minutes.MeetingId, ct);
            meeting.Close();
            minutes.RecordClosed(clock.GetUtcNow());
            return null;
        }, ct);

    public Task<Result<uint>> SetDetailsAsync(Guid minutesId, uint version, string place, string? secretaryName, DateOnly? plannedApprovalDate, string? keptAt, CancellationToken ct = default) =>
        Edit(minutesId, version, m => m.SetDetails(place, secretaryName, plannedApprovalDate, keptAt), ct);

    public Task<Result<uint>> SetTimesAsync(Guid minutesId, uint version, TimeOnly? openedAt, TimeOnly? closedAt, CancellationToken ct = default) =>
        Edit(minutesId, version, m => m.SetTimes(openedAt, closedAt), ct);

    public Task<Result<uint>> SetPresenceAsync(Guid minutesId, uint version, Guid personId, bool present, Guid? servesFor, CancellationToken ct = default) =>
        Edit(minutesId, version, m => m.SetPresence(personId, present, servesFor), ct);

    public Task<Result<uint>> AddParticipantAsync(Guid minutesId, uint version, AttendeeKind kind, string name, string? title, CancellationToken ct = default) =>
        Edit(minutesId, version, m => m.AddParticipant(kind, name, title), ct);

    public Task<Result<uint>> RemoveParticipantAsync(Guid minutesId, uint version, Guid personId, CancellationToken ct = default) =>
        Edit(minutesId, version, m => m.RemoveParticipant(personId), ct);

    public Task<Result<uint>> AddChangeAsync(Guid minutesId, uint version, Guid personId, AttendanceChangeKind kind, int fromSection, Guid? servesFor, TimeOnly? at, CancellationToken ct = default) =>
        Edit(minutesId, version, m => m.AddChange(personId, kind, fromSection, servesFor, at), ct);

    public Task<Result<uint>> RemoveChangeAsync(Guid minutesId, uint version, Guid changeId, CancellationToken ct = default) =>
        Edit(minutesId, version, m => m.RemoveChange(changeId), ct);

    public Task<Result<uint>> AddAdjournmentAsync(Guid minutesId, uint version, int afterSection, TimeOnly from, TimeOnly to, CancellationToken ct = default) =>
        Edit(minutesId, version, m => m.AddAdjournment(afterSection, from, to), ct);

    public Task<Result<uint>> RemoveAdjournmentAsync(Guid minutesId, uint version, Guid adjournmentId, CancellationToken ct = default) =>
        Edit(minutesId, version, m => m.RemoveAdjournment(adjournmentId), ct);

    public Task<Result<uint>> SetPresentationsAsync(Guid minutesId, uint version, IReadOnlyList<(string Presenter, string Subject)> presentations, CancellationToken ct = default) =>
        Edit(minutesId, version, m => m.SetPresentations(presentations.Select(p => new Presentation(p.Presenter, p.Subject))), ct);

    public Task<Result<uint>> SetSignersAsync(Guid minutesId, uint version, Guid chairId, IReadOnlyList<Guid> adjusters, CancellationToken ct = default) =>
        Edit(minutesId, version, m => m.SetSigners(chairId, adjusters), ct);

    public Task<Result<uint>> WriteSectionAsync(Guid minutesId, uint version, SectionText text, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Edit(minutesId, version, m => m.WriteSection(
            text.Number, text.Title, Lines(text.Decisions), Lines(text.DecisionBasis), sanitizer.Sanitize(text.AccountHtml).Html, Lines(text.SendTo),
            text.PropositionOrder, text.Appeal, text.SecrecyProvision, text.ImmediateApproval), ct);
    }

    /// <summary>
    /// Adds a § (an extra ärende taken up, or information made a §) at <paramref name="position"/>. It takes the next
    /// number of the organ's series, which must follow this protokoll's last: a later protokoll already numbered stops it.
    /// </summary>
    public Task<Result<uint>> InsertSectionAsync(Guid minutesId, uint version, int position, SectionKind kind, string title, CancellationToken ct = default) =>
        MinutesEditing.EditAsync(dbFactory, access, minutesId, version, async (db, minutes) =>
        {
            var series = await SeriesAsync(db, minutes, ct);
            var taken = await db.TakeNumbersAsync(series, minutes.MeetingDate.Year, 1, cancellationToken: ct);
            if (taken != minutes.LastNumber + 1)
            {
                return Error.Invalid($"Paragrafnumren efter § {minutes.LastNumber} används redan i ett senare protokoll. Paragrafen kan inte läggas till här.");
            }

            minutes.InsertSection(position, new SectionDraft(null, kind, title));
            return null;
        }, ct);

    /// <summary>Takes a § out; the §§ after it move down, and the last number goes back to the series (only while no later protokoll took one).</summary>
    public Task<Result<uint>> RemoveSectionAsync(Guid minutesId, uint version, int number, CancellationToken ct = default) =>
        MinutesEditing.EditAsync(dbFactory, access, minutesId, version, async (db, minutes) =>
        {
            var last = minutes.LastNumber;
            var removed = minutes.RemoveSection(number);
            db.MinutesSections.Remove(removed);
            var series = await SeriesAsync(db, minutes, ct);
            if (!await db.ReturnLastNumberAsync(series, minutes.MeetingDate.Year, last, ct))
            {
                return Error.Invalid($"Ett senare protokoll har redan fått nummer efter § {last}. Paragrafen kan inte tas bort utan att numren får en lucka.");
            }

            return null;
        }, ct);

    public Task<Result<uint>> SetDisqualifiedAsync(Guid minutesId, uint version, int number, Guid personId, Guid? substituteId, CancellationToken ct = default) =>
        Edit(minutesId, version, m => m.SetDisqualified(number, personId, substituteId), ct);

    public Task<Result<uint>> RemoveDisqualificationAsync(Guid minutesId, uint version, int number, Guid personId, CancellationToken ct = default) =>
        Edit(minutesId, version, m => m.RemoveDisqualification(number, personId), ct);

    public Task<Result<uint>> AddProposalAsync(Guid minutesId, uint version, int number, Guid personId, ProposalKind kind, string? text, CancellationToken ct = default) =>
        Edit(minutesId, version, m => m.AddProposal(number, personId, kind, text), ct);

    public Task<Result<uint>> WithdrawProposalAsync(Guid minutesId, uint version, int number, Guid proposalId, CancellationToken ct = default) =>
        Edit(minutesId, version, m => m.WithdrawProposal(number, proposalId), ct);

    public Task<Result<uint>> RecordOpenVoteAsync(Guid minutesId, uint version, int number, string jaMeans, string nejMeans, IReadOnlyDictionary<Guid, Ballot> ballots, Ballot? castingVote, CancellationToken ct = default) =>
        Edit(minutesId, version, m => m.RecordOpenVote(number, jaMeans, nejMeans, ballots, castingVote), ct);

    /// <summary>A val: a secret one by its counts, an open one by each serving member's answer; a tie by lot (rule 9).</summary>
    public Task<Result<uint>> RecordElectionAsync(Guid minutesId, uint version, int number, string jaMeans, string nejMeans, bool secret, int ja, int nej, int abstain, Ballot? lot, IReadOnlyDictionary<Guid, Ballot>? openBallots = null, CancellationToken ct = default) =>
        Edit(minutesId, version, m => m.RecordElection(number, jaMeans, nejMeans, secret, ja, nej, abstain, lot, openBallots), ct);

    public Task<Result<uint>> RemoveVoteAsync(Guid minutesId, uint version, int number, Guid voteId, CancellationToken ct = default) =>
        Edit(minutesId, version, m => m.RemoveVote(number, voteId), ct);

    /// <summary>A reservation announced now (rule 10: refused once the meeting is closed).</summary>
    public Task<Result<uint>> ReserveAsync(Guid minutesId, uint version, int number, Guid personId, string? reasons, CancellationToken ct = default) =>
        Edit(minutesId, version, m => m.Reserve(number, personId, clock.GetUtcNow(), reasons), ct);

    public Task<Result<uint>> GiveReservationReasonsAsync(Guid minutesId, uint version, int number, Guid personId, string reasons, CancellationToken ct = default) =>
        Edit(minutesId, version, m => m.GiveReservationReasons(number, personId, reasons, clock.GetUtcNow()), ct);

    public Task<Result<uint>> RemoveReservationAsync(Guid minutesId, uint version, int number, Guid personId, CancellationToken ct = default) =>
        Edit(minutesId, version, m => m.RemoveReservation(number, personId), ct);

    public Task<Result<uint>> AddNoteAsync(Guid minutesId, uint version, int number, Guid? personId, string text, CancellationToken ct = default) =>
        Edit(minutesId, version, m => m.AddNote(number, personId, text), ct);

    public Task<Result<uint>> RemoveNoteAsync(Guid minutesId, uint version, int number, Guid noteId, CancellationToken ct = default) =>
        Edit(minutesId, version, m => m.RemoveNote(number, noteId), ct);

    /// <summary>Takes the protokoll back from justering to draft; signatures already given are void.</summary>
    public Task<Result<uint>> TakeBackAsync(Guid minutesId, uint version, CancellationToken ct = default) =>
        Edit(minutesId, version, m => m.TakeBack(), ct);

    private static async Task<string> SeriesAsync(IAppDbContext db, MeetingMinutes minutes, CancellationToken ct) =>
        NumberSeriesKeys.Paragraphs(await db.Organs.Where(o => o.Id == minutes.OrganId).Select(o => o.ParagraphSeries).SingleAsync(ct));

    private static IEnumerable<string> Lines(string? text) =>
        (text ?? string.Empty).Split('\n').Select(l => l.Trim());
}

/// <summary>
/// The text of one §, as the secretary's form edits it: multi-line fields hold one att-sats, document or recipient per
/// line; <see cref="AccountHtml"/> (Redogörelse för ärendet) is rich text, cleaned to the allow-list before it is kept.
/// </summary>
public sealed record SectionText(
    int Number,
    string Title,
    string? Decisions,
    string? DecisionBasis,
    string? AccountHtml,
    string? SendTo,
    string? PropositionOrder,
    AppealKind Appeal,
    string? SecrecyProvision,
    bool ImmediateApproval);
