using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Files;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Application.AuditTrail;

/// <summary>The kinds of record the audit trail names (the entity's type name in code), with their Swedish names.</summary>
public static class AuditTrailEntityTypes
{
    /// <summary>Logins, logouts, second-factor changes and sessions: the line's entity id is the account's user id.</summary>
    public const string Login = "Login";

    public static IReadOnlyDictionary<string, string> Names { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [nameof(Case)] = "Ärende",
        [nameof(CaseDocument)] = "Handling",
        [nameof(DocumentVersion)] = "Version av handling",
        [nameof(OfficerReport)] = "Tjänsteskrivelse",
        [nameof(CaseLink)] = "Länk mellan ärenden",

        // Logins, logouts, second-factor changes and sessions (LoginAuditTrail).
        [Login] = "Inloggning",

        // Organisation, login accounts and produced files (AuditTrailInterceptor's describers; GetStoredFile's secret reads).
        [nameof(Organ)] = "Organ",
        [nameof(Membership)] = "Uppdrag",
        [nameof(OrganOfficial)] = "Tjänsteman vid organ",
        [nameof(Term)] = "Mandatperiod",
        [nameof(Person)] = "Person",
        [nameof(Party)] = "Parti",
        [nameof(SubstitutionRule)] = "Ersättartabell",
        ["ApplicationUser"] = "Inloggningskonto",
        ["UserRole"] = "Roll",
        [nameof(StoredFile)] = "Framställd fil",

        // Meetings, their agenda and kallelse (MeetingAuditDescriber).
        [nameof(Meeting)] = "Sammanträde",
        [nameof(AgendaItem)] = "Punkt på föredragningslista",
        [nameof(AgendaItemDocument)] = "Handling i kallelse",
        [nameof(NoticeVersion)] = "Kallelse",
        // The anslagstavla (NoticeBoardAuditDescriber).
        [nameof(Domain.NoticeBoard.Posting)] = "Anslag",
        // Kalenderprenumerationer (CalendarFeedAuditDescriber).
        [nameof(Domain.Meetings.CalendarFeed)] = "Kalenderprenumeration",
        // Delegation (DelegationAuditDescriber).
        [nameof(Domain.Delegation.DelegationScheme)] = "Delegationsordning",
        [nameof(Domain.Delegation.PositionHolder)] = "Förordnande",
        [nameof(Domain.Delegation.OnwardDelegation)] = "Vidaredelegation",
        [nameof(Domain.Delegation.DelegatedDecision)] = "Delegationsbeslut",
        [nameof(Domain.Delegation.BoardMessage)] = "Meddelande",
        // Granskning och uppföljning (FollowUpAuditDescriber).
        [nameof(Domain.Audit.AuditReport)] = "Granskningsrapport",
        [nameof(Domain.Audit.AuditRecommendation)] = "Rekommendation",
        [nameof(Domain.Audit.AuditAnswer)] = "Yttrande över granskningsrapport",
        [nameof(Domain.Audit.FollowUpAction)] = "Åtgärd",
        [nameof(Domain.Audit.Assignment)] = "Uppdrag",
        [nameof(Domain.Audit.DueDateReminder)] = "Påminnelse",
        [nameof(Domain.Audit.InternalControlPlan)] = "Internkontrollplan",
        [nameof(Domain.Audit.AuditorScope)] = "Revisors granskningsområde",
    };

    /// <summary>The Swedish name of a record kind, or the code name for a kind without one.</summary>
    public static string Name(string entityType) => Names.TryGetValue(entityType, out var name) ? name : entityType;
}
