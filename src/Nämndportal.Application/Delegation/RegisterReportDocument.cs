using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Pdf;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Delegation;
using Nämndportal.Domain.Meetings;

namespace Nämndportal.Application.Delegation;

/// <summary>
/// Redovisning av delegationsbeslut or of meddelanden as printed in the kallelse pack (domain.md §4, seeds/004): the
/// proposed decision, the standard description, then the report. It is public material: individual cases appear only as
/// counts and periods, and no delegate's name is printed.
/// </summary>
public sealed record RegisterReportDocumentModel(
    AgendaReport Kind, string OrganName, DateOnly MeetingDate, DateOnly CutOff, DelegationReport? Decisions, MessageReport? Messages)
{
    public string Title => Kind == AgendaReport.Messages ? "Redovisning av meddelanden" : "Redovisning av delegationsbeslut";

    public string ProposedDecision => Kind == AgendaReport.Messages
        ? $"{OrganName} godkänner redovisningen av meddelanden."
        : $"{OrganName} godkänner redovisningen av delegationsbesluten.";

    public string Description => Kind == AgendaReport.Messages
        ? $"Meddelanden som kommit in till {Lower(OrganName)} till och med {CutOff.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} redovisas för nämnden."
        : $"{OrganName} har överlåtit sin beslutanderätt till utskott, ordförande och tjänstemän enligt en av nämnden antagen delegationsordning. "
          + "Dessa beslut ska redovisas till nämnden. Redovisningen innebär inte att nämnden får ompröva eller fastställa delegationsbesluten. "
          + $"Däremot står det nämnden fritt att återkalla lämnad delegering. Redovisningen omfattar beslut fattade till och med {CutOff.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.";

    public PdfLayout Layout() => new(
        $"{Title} – {OrganName} {MeetingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
        OrganName,
        $"Sammanträdesdatum {MeetingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
        NumberPages: false);

    private static string Lower(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}

/// <summary>Builds the report a meeting's standard item carries, from what is on that meeting's report.</summary>
public static class RegisterReports
{
    public static async Task<RegisterReportDocumentModel?> BuildAsync(IAppDbContext db, Meeting meeting, AgendaItem item, string organName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(item);
        if (item.Report == AgendaReport.None || item.ReportCutOff is not { } cutOff)
        {
            return null;
        }

        if (item.Report == AgendaReport.Messages)
        {
            var messages = await db.BoardMessages.AsNoTracking().Where(m => m.ReportMeetingId == meeting.Id).ToListAsync(cancellationToken);
            return new RegisterReportDocumentModel(item.Report, organName, meeting.LocalDate, cutOff, null, MessageReport.Build(organName, cutOff, messages));
        }

        var decisions = await db.DelegatedDecisions.AsNoTracking().Where(d => d.ReportMeetingId == meeting.Id).ToListAsync(cancellationToken);
        var schemes = await db.DelegationSchemes.AsNoTracking().Where(s => s.OrganId == meeting.OrganId).ToListAsync(cancellationToken);
        string? Matter(DelegatedDecision d) => schemes.FirstOrDefault(s => s.Id == d.SchemeId)?.Point(d.PointCode ?? string.Empty)?.Matter;
        return new RegisterReportDocumentModel(item.Report, organName, meeting.LocalDate, cutOff, DelegationReport.Build(organName, cutOff, decisions, Matter), null);
    }
}
