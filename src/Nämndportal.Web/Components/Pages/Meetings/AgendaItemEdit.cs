using Nämndportal.Application.Meetings;

namespace Nämndportal.Web.Components.Pages.Meetings;

/// <summary>What the item editor hands back: the item's texts and, when changed, its pack documents in order.</summary>
public sealed record AgendaItemEdit(UpdateAgendaItem Details, bool DocumentsChanged, bool IncludeOfficerReport, IReadOnlyList<Guid> DocumentIds);
