namespace Nämndportal.Application.Meetings;

/// <summary>
/// The kallelse page of a pack (domain.md §4): organ, "Kallelse", weekday date and time, place, group meetings, the
/// numbered items with case number and page range in the pack, chair and secretary, and free notes.
/// </summary>
public sealed record NoticeDocumentModel(
    string Municipality,
    string OrganName,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt,
    string Place,
    string? GroupMeetings,
    string? Notes,
    int VersionNumber,
    string? ChangeNote,
    IReadOnlyList<NoticeItemLine> Items,
    IReadOnlyList<NoticeContact> Contacts,
    bool IsPublicVariant);

/// <summary>
/// One agenda line. <see cref="FirstPage"/>/<see cref="LastPage"/> are where the item's documents stand in the pack
/// (null for an item without documents). <see cref="LeftOut"/> names handlingar not in this pack and why (rule 1).
/// </summary>
public sealed record NoticeItemLine(
    int Number,
    string Title,
    string? CaseNumber,
    string? Presenter,
    TimeOnly? PlannedTime,
    bool IsClosed,
    bool IsLateAddition,
    int? FirstPage,
    int? LastPage,
    IReadOnlyList<string> LeftOut);

/// <summary>A name on the kallelse page: the chair (ordförande) or the secretary, with how to reach them.</summary>
public sealed record NoticeContact(string Name, string Role, string? Email, string? Phone);
