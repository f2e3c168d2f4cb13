using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Meetings;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Meetings;

namespace Nämndportal.Application.Delegation;

/// <summary>
/// The secretary puts the redovisning av delegationsbeslut (or of meddelanden) on a standard item of a meeting, with a
/// brytdatum: every unreported decision (whose point asks for it) decided by then, and every urgent decision by the chair
/// (rule 19) up to the meeting, goes on this meeting's report; <see cref="AgendaReport.None"/> takes the report off.
/// </summary>
public sealed record SetAgendaReport(Guid MeetingId, uint Version, Guid ItemId, AgendaReport Report, DateOnly? CutOff);

/// <summary>What the report now holds.</summary>
public sealed record AgendaReportOutcome(uint Version, int Count);

public sealed class SetAgendaReportHandler(IAppDbContextFactory dbFactory, AccessService access)
{
    public async Task<Result<AgendaReportOutcome>> HandleAsync(SetAgendaReport request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var count = 0;
        var saved = await AgendaEditing.EditAsync(dbFactory, access, request.MeetingId, request.Version, async (db, meeting) =>
        {
            var item = meeting.Items.SingleOrDefault(i => i.Id == request.ItemId);
            if (item is null)
            {
                return Error.Invalid("Punkten finns inte på föredragningslistan. Ladda om sidan.");
            }

            var previous = item.Report;
            meeting.SetItemReport(request.ItemId, request.Report, request.CutOff);
            if (previous != AgendaReport.None && previous != request.Report)
            {
                // The item changes kind of report: what was on the old one is released for a later meeting.
                _ = previous == AgendaReport.DelegatedDecisions
                    ? await AssignDecisionsAsync(db, meeting, null, cancellationToken)
                    : await AssignMessagesAsync(db, meeting, null, cancellationToken);
            }

            var kind = request.Report == AgendaReport.None ? previous : request.Report;
            count = kind switch
            {
                AgendaReport.DelegatedDecisions => await AssignDecisionsAsync(db, meeting, request.Report == AgendaReport.None ? null : request.CutOff, cancellationToken),
                AgendaReport.Messages => await AssignMessagesAsync(db, meeting, request.Report == AgendaReport.None ? null : request.CutOff, cancellationToken),
                _ => 0,
            };
            return null;
        }, cancellationToken);
        return saved.Succeeded ? Result<AgendaReportOutcome>.Ok(new AgendaReportOutcome(saved.Value, count)) : saved.Error!;
    }

    /// <summary>Releases what a removed report item held, so the next meeting's report takes it in.</summary>
    internal static Task<int> ReleaseAsync(IAppDbContext db, Meeting meeting, AgendaReport report, CancellationToken cancellationToken) => report switch
    {
        AgendaReport.DelegatedDecisions => AssignDecisionsAsync(db, meeting, null, cancellationToken),
        AgendaReport.Messages => AssignMessagesAsync(db, meeting, null, cancellationToken),
        _ => Task.FromResult(0),
    };

    /// <summary>Takes this meeting's unreported decisions off its report and puts on those up to the brytdatum; returns how many it holds.</summary>
    internal static async Task<int> AssignDecisionsAsync(IAppDbContext db, Meeting meeting, DateOnly? cutOff, CancellationToken cancellationToken)
    {
        var meetingDay = meeting.LocalDate;
        var candidates = await db.DelegatedDecisions
            .Where(d => d.OrganId == meeting.OrganId && d.ReportedIn == null && d.MustReport
                && (d.ReportMeetingId == meeting.Id || d.ReportMeetingId == null))
            .ToListAsync(cancellationToken);
        var count = 0;
        foreach (var decision in candidates)
        {
            var belongs = cutOff is { } day && (decision.DecidedOn <= day || (decision.Urgent && decision.DecidedOn <= meetingDay));
            if (belongs)
            {
                decision.PutOnReport(meeting.Id);
                count++;
            }
            else if (decision.ReportMeetingId == meeting.Id)
            {
                decision.TakeOffReport();
            }
        }

        return count;
    }

    internal static async Task<int> AssignMessagesAsync(IAppDbContext db, Meeting meeting, DateOnly? cutOff, CancellationToken cancellationToken)
    {
        var candidates = await db.BoardMessages
            .Where(m => m.OrganId == meeting.OrganId && m.ReportedIn == null && (m.ReportMeetingId == meeting.Id || m.ReportMeetingId == null))
            .ToListAsync(cancellationToken);
        var count = 0;
        foreach (var message in candidates)
        {
            if (cutOff is { } day && message.ReceivedOn <= day)
            {
                message.PutOnReport(meeting.Id);
                count++;
            }
            else if (message.ReportMeetingId == meeting.Id)
            {
                message.TakeOffReport();
            }
        }

        return count;
    }
}
