using Nämndportal.Application.Common;

namespace Nämndportal.Application.Audit;

/// <summary>A tjänsteskrivelse drafted from plain text: each line a paragraph, encoded (no markup gets in).</summary>
internal static class OfficerReportDraft
{
    public static Domain.Cases.OfficerReport Write(IAppDbContext db, Guid caseId, string text, IReadOnlyList<string> proposals, Domain.Cases.OfficerReport? existing = null)
    {
        var lines = text.Split('\n');
        var summary = HtmlText.Encode(lines[0]);
        var description = string.Concat(lines.Skip(1).Where(l => l.Length > 0).Select(l => $"<p>{HtmlText.Encode(l)}</p>"));
        var report = existing ?? new Domain.Cases.OfficerReport(caseId);
        report.Write(proposals, $"<p>{summary}</p>", description, [], [], [], text);
        if (existing is null)
        {
            db.OfficerReports.Add(report);
        }

        return report;
    }
}
