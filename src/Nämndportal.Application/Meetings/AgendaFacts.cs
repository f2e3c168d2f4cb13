using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Meetings;

namespace Nämndportal.Application.Meetings;

/// <summary>
/// What the agenda builder reads from the cases on an agenda: status, tjänsteskrivelse, and each handling with the
/// state of its latest version's PDF and its sekretessmarkering. Secret handlingar are named by number only to
/// an editor who may not read them (an administrator).
/// </summary>
internal sealed class AgendaFacts
{
    private readonly Dictionary<Guid, Case> _cases;
    private readonly HashSet<Guid> _casesWithReport;
    private readonly Dictionary<Guid, List<PackDocument>> _documentsByCase;

    private AgendaFacts(Dictionary<Guid, Case> cases, HashSet<Guid> casesWithReport, Dictionary<Guid, List<PackDocument>> documentsByCase)
    {
        _cases = cases;
        _casesWithReport = casesWithReport;
        _documentsByCase = documentsByCase;
    }

    public static async Task<AgendaFacts> LoadAsync(IAppDbContext db, AccessSnapshot grants, IReadOnlyCollection<Guid> caseIds, CancellationToken cancellationToken)
    {
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var withReport = (await db.OfficerReports.AsNoTracking().Where(r => caseIds.Contains(r.CaseId)).Select(r => r.CaseId).ToListAsync(cancellationToken)).ToHashSet();
        var documents = await db.CaseDocuments.AsNoTracking().Where(d => caseIds.Contains(d.CaseId)).OrderBy(d => d.Ordinal).ToListAsync(cancellationToken);
        var documentIds = documents.Select(d => d.Id).ToList();
        var latest = (await db.DocumentVersions.AsNoTracking().Where(v => documentIds.Contains(v.DocumentId)).ToListAsync(cancellationToken))
            .GroupBy(v => v.DocumentId)
            .ToDictionary(g => g.Key, g => g.MaxBy(v => v.Number)!);
        var byCase = documents.GroupBy(d => d.CaseId).ToDictionary(
            g => g.Key,
            g => g.Select(d =>
            {
                var @case = cases[d.CaseId];
                var mayRead = !d.IsSecret || grants.CanReadSecret(@case.OrganId, @case.CaseOfficerUserId);
                var name = mayRead ? $"Handling {d.Ordinal}: {d.Description}" : $"Handling {d.Ordinal} (sekretessmarkerad)";
                return new PackDocument(d.Id, d.Ordinal, name, State(latest.GetValueOrDefault(d.Id)), d.IsSecret);
            }).ToList());
        return new AgendaFacts(cases, withReport, byCase);
    }

    public Case? Case(Guid? caseId) => caseId is { } id ? _cases.GetValueOrDefault(id) : null;

    public bool HasOfficerReport(Guid? caseId) => caseId is { } id && _casesWithReport.Contains(id);

    /// <summary>All the case's handlingar, in their numbers' order.</summary>
    public IReadOnlyList<PackDocument> Documents(Guid? caseId) => caseId is { } id && _documentsByCase.TryGetValue(id, out var list) ? list : [];

    public AgendaItemFacts For(AgendaItem item)
    {
        var all = Documents(item.CaseId).ToDictionary(d => d.Id);
        var packed = item.Documents.Where(d => d.CaseDocumentId is { } id && all.ContainsKey(id))
            .Select(d => all[d.CaseDocumentId!.Value])
            .Select(d => new AgendaDocumentFacts(d.Name, d.State, d.IsSecret))
            .ToList();
        return new AgendaItemFacts(Case(item.CaseId)?.Status, HasOfficerReport(item.CaseId), packed);
    }

    public Dictionary<Guid, AgendaItemFacts> ForAll(Meeting meeting) => meeting.Items.ToDictionary(i => i.Id, For);

    private static AgendaDocumentState State(DocumentVersion? version) => version switch
    {
        null => AgendaDocumentState.Unreadable,
        { ReadablePdfSha256: not null } => AgendaDocumentState.Ready,
        { RenditionStatus: RenditionStatus.Pending } => AgendaDocumentState.Converting,
        _ => AgendaDocumentState.Unreadable,
    };

    public sealed record PackDocument(Guid Id, int Ordinal, string Name, AgendaDocumentState State, bool IsSecret);
}
