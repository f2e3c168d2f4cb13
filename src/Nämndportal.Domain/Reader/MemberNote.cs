using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Reader;

/// <summary>
/// A ledamot's or ersättare's private note (anteckning) on an agenda item: on the item itself, on a page of the item's
/// tjänsteskrivelse, or on a page of a handling, anchored to the version it stands on now and, when text was selected,
/// to that quote with some context either side. Only the author reads it, unless shared (<see cref="NoteShare"/>); a new
/// version of the handling moves it (<see cref="MoveToVersion"/>).
/// </summary>
public sealed class MemberNote : Entity, IConcurrencyVersioned
{
    public const int MaxTextLength = 4000;
    public const int MaxQuoteLength = 1000;
    public const int MaxContextLength = 100;

    private MemberNote()
    {
        Text = string.Empty;
    }

    private MemberNote(Guid authorUserId, Guid meetingId, Guid agendaItemId, string text, DateTimeOffset at)
        : this()
    {
        AuthorUserId = authorUserId;
        MeetingId = meetingId;
        AgendaItemId = agendaItemId;
        Text = CheckedText(text);
        AnchorState = NoteAnchorState.OnPage;
        UpdatedAt = at;
    }

    public Guid AuthorUserId { get; private set; }

    public Guid MeetingId { get; private set; }

    public Guid AgendaItemId { get; private set; }

    /// <summary>The handling the note is on; null for a note on the item or its tjänsteskrivelse.</summary>
    public Guid? CaseDocumentId { get; private set; }

    /// <summary>The version of <see cref="CaseDocumentId"/> the note stands on now (the one it was made on, or a newer one it was moved to).</summary>
    public Guid? DocumentVersionId { get; private set; }

    /// <summary>On a page of the item's tjänsteskrivelse (printed from the case, no versions to follow).</summary>
    public bool OnOfficerReport { get; private set; }

    /// <summary>The 1-based page, for a note on a handling or the tjänsteskrivelse.</summary>
    public int? Page { get; private set; }

    /// <summary>The text the member selected, if any.</summary>
    public string? Quote { get; private set; }

    public string? QuoteBefore { get; private set; }

    public string? QuoteAfter { get; private set; }

    /// <summary>The note itself, plain text.</summary>
    public string Text { get; private set; }

    public NoteAnchorState AnchorState { get; private set; }

    /// <summary>
    /// When the author last wrote its text (<see cref="Entity.CreatedAt"/> is when it was made); a move to a new version
    /// is not a change by the author and leaves it alone.
    /// </summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    /// <summary>True for a note anchored to a page of a handling or the tjänsteskrivelse.</summary>
    public bool IsOnPage => Page is not null;

    public static MemberNote OnItem(Guid authorUserId, Guid meetingId, Guid agendaItemId, string text, DateTimeOffset at) =>
        new(authorUserId, meetingId, agendaItemId, text, at);

    public static MemberNote OnOfficerReportPage(
        Guid authorUserId, Guid meetingId, Guid agendaItemId, int page, string? quote, string? before, string? after, string text, DateTimeOffset at)
    {
        var note = new MemberNote(authorUserId, meetingId, agendaItemId, text, at) { OnOfficerReport = true };
        note.Anchor(page, quote, before, after);
        return note;
    }

    public static MemberNote OnDocumentPage(
        Guid authorUserId, Guid meetingId, Guid agendaItemId, Guid caseDocumentId, Guid documentVersionId,
        int page, string? quote, string? before, string? after, string text, DateTimeOffset at)
    {
        var note = new MemberNote(authorUserId, meetingId, agendaItemId, text, at)
        {
            CaseDocumentId = caseDocumentId,
            DocumentVersionId = documentVersionId,
        };
        note.Anchor(page, quote, before, after);
        return note;
    }

    public void Edit(string text, DateTimeOffset at)
    {
        Text = CheckedText(text);
        UpdatedAt = at;
    }

    /// <summary>Puts the note on <paramref name="versionId"/>, a newer version of its handling, where <see cref="NoteAnchoring.Relocate"/> found its place.</summary>
    public void MoveToVersion(Guid versionId, NoteRelocation relocation)
    {
        ArgumentNullException.ThrowIfNull(relocation);
        if (CaseDocumentId is null)
        {
            throw new DomainException("Anteckningen hör inte till en handling.");
        }

        if (relocation.Page < 1)
        {
            throw new DomainException("Sidnumret börjar på 1.");
        }

        DocumentVersionId = versionId;
        Page = relocation.Page;
        AnchorState = relocation.State;
    }

    private void Anchor(int page, string? quote, string? before, string? after)
    {
        if (page < 1)
        {
            throw new DomainException("Sidnumret börjar på 1.");
        }

        Page = page;
        Quote = Optional(quote, MaxQuoteLength, "Det markerade stycket får ha högst 1000 tecken.");
        QuoteBefore = Quote is null ? null : Context(before, fromEnd: true);
        QuoteAfter = Quote is null ? null : Context(after, fromEnd: false);
    }

    private static string CheckedText(string text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            throw new DomainException("Skriv något i anteckningen.");
        }

        if (trimmed.Length > MaxTextLength)
        {
            throw new DomainException("En anteckning får ha högst 4000 tecken.");
        }

        return trimmed;
    }

    private static string? Optional(string? value, int max, string tooLong)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return value.Length > max ? throw new DomainException(tooLong) : value;
    }

    /// <summary>Context is only a help to tell repeated quotes apart: a longer one is cut, keeping the part next to the quote.</summary>
    private static string? Context(string? value, bool fromEnd)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value.Length <= MaxContextLength)
        {
            return value;
        }

        return fromEnd ? value[^MaxContextLength..] : value[..MaxContextLength];
    }
}
