namespace Nämndportal.Application.Security;

/// <summary>What someone may ask to do. The full table of roles × operations is in docs/security.md.</summary>
public enum Operation
{
    /// <summary>Create organs, terms and parties, end organs, attach officials, create logins: the administrator.</summary>
    ManageRegister,

    /// <summary>Change one organ: its settings, memberships and roster import.</summary>
    ManageOrgan,

    /// <summary>Manage the persons register (add and edit persons for rosters).</summary>
    ManagePersons,

    /// <summary>See one organ's page and roster.</summary>
    ViewRoster,

    /// <summary>Read one organ's non-public material (handlingar) for a meeting on a given date.</summary>
    ReadHandlingar,

    /// <summary>
    /// Read one organ's granskningsrapporter and their follow-up (answers, actions, assignments, internal control): its
    /// members and officials, registrators, and the revisorer whose audit scope holds the organ (who change nothing).
    /// </summary>
    ReadAuditMaterial,

    /// <summary>Register a case (ärende) for one organ: registrators for every organ, its secretary and case officers for theirs.</summary>
    RegisterCase,

    /// <summary>See one organ's cases: their numbers, titles, status, timeline and the handlingar that are not secret.</summary>
    ReadCase,

    /// <summary>Prepare one organ's cases: add handlingar and versions, write the tjänsteskrivelse, change status, link cases.</summary>
    PrepareCase,

    /// <summary>
    /// Read secret-marked handlingar of one organ (OSL 5:5, domain rule 22: only those handling the matter): its
    /// registrators and nämndsekreterare. A case's own handläggare reads them too (a case-level grant, see
    /// <see cref="AccessSnapshot.CanReadSecret"/>). Administrators do not: they run the system, not the matter.
    /// </summary>
    ReadSecretDocuments,

    /// <summary>Read the audit trail (spårbarhet): administrators.</summary>
    ViewAuditTrail,

    /// <summary>
    /// Register delegationsbeslut and meddelanden for one organ and build their reports: registrators for every organ, the
    /// organ's nämndsekreterare. A delegate registers their own decisions through their position (checked by the use case).
    /// </summary>
    RegisterDelegatedDecisions,

    /// <summary>
    /// Read one organ's register of delegationsbeslut (it is reported to the board): its members and officials, registrators.
    /// An individual social-services case shows its description and case number only to those who register.
    /// </summary>
    ReadDelegatedDecisions,

    /// <summary>
    /// Register granskningsrapporter for one organ and keep its follow-up (answers, actions, assignments, internal
    /// control): registrators for every organ, the organ's nämndsekreterare. The person responsible for an action or
    /// assignment updates its status and notes through a grant on the item itself.
    /// </summary>
    ManageFollowUp,
}
