using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Minutes;

/// <summary>
/// One line of the roll call. Ledamöter and ersättare are persons of the organ's roster; officials and others are
/// names. <see cref="ServesFor"/> names the ledamot a serving ersättare replaces from the start ("Ersättare för").
/// </summary>
public sealed class Attendee
{
    private Attendee()
    {
        Name = string.Empty;
    }

    public Attendee(Guid personId, AttendeeKind kind, string name, string? party, string? role, string? title, int order)
        : this()
    {
        PersonId = personId;
        Kind = kind;
        Name = MinutesText.Required(name, 200, "Namnet");
        Party = MinutesText.Optional(party, 20, "Partiet");
        Role = MinutesText.Optional(role, 100, "Uppdraget");
        Title = MinutesText.Optional(title, 200, "Titeln");
        Order = order;
    }

    /// <summary>The person (ledamot, ersättare) or, for officials and others, an id of this line only.</summary>
    public Guid PersonId { get; private set; }

    public AttendeeKind Kind { get; private set; }

    public string Name { get; private set; }

    /// <summary>Party abbreviation, printed after the name: "Anna Andersson (S)".</summary>
    public string? Party { get; private set; }

    /// <summary>Ordförande, 1:e vice ordförande, … as printed.</summary>
    public string? Role { get; private set; }

    /// <summary>An official's title.</summary>
    public string? Title { get; private set; }

    /// <summary>Present when the meeting opens.</summary>
    public bool Present { get; internal set; }

    /// <summary>The ledamot this ersättare serves for from the opening.</summary>
    public Guid? ServesFor { get; internal set; }

    public int Order { get; private set; }

    public bool IsMemberOrSubstitute => Kind is AttendeeKind.Member or AttendeeKind.Substitute;

    /// <summary>"Anna Andersson (S)".</summary>
    public string DisplayName => Party is null ? Name : $"{Name} ({Party})";
}

/// <summary>A change of presence or service taking effect from a § (rule 6: only between §§).</summary>
public sealed class AttendanceChange
{
    private AttendanceChange()
    {
    }

    internal AttendanceChange(Guid personId, AttendanceChangeKind kind, int fromSection, Guid? servesFor, TimeOnly? at, int order)
    {
        PersonId = personId;
        Kind = kind;
        FromSection = fromSection;
        ServesFor = servesFor;
        At = at;
        Order = order;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid PersonId { get; private set; }

    public AttendanceChangeKind Kind { get; private set; }

    /// <summary>The first § the change applies to.</summary>
    public int FromSection { get; internal set; }

    /// <summary>The ledamot an ersättare serves for (Arrives, StartsServing).</summary>
    public Guid? ServesFor { get; private set; }

    /// <summary>The time, Stockholm wall-clock, as printed ("kl. 14.05").</summary>
    public TimeOnly? At { get; private set; }

    /// <summary>Entry order, for changes from the same §.</summary>
    public int Order { get; private set; }
}

/// <summary>Ajournering: printed between § <see cref="AfterSection"/> and the next.</summary>
public sealed class Adjournment
{
    private Adjournment()
    {
    }

    internal Adjournment(int afterSection, TimeOnly from, TimeOnly to)
    {
        if (to <= from)
        {
            throw new DomainException("Ajourneringen måste sluta efter att den börjat.");
        }

        AfterSection = afterSection;
        From = from;
        To = to;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public int AfterSection { get; internal set; }

    public TimeOnly From { get; private set; }

    public TimeOnly To { get; private set; }
}

/// <summary>Föredragning av information: who presented what, recorded outside the §§.</summary>
public sealed class Presentation
{
    private Presentation()
    {
        Presenter = string.Empty;
        Subject = string.Empty;
    }

    public Presentation(string presenter, string subject)
    {
        Presenter = MinutesText.Required(presenter, 200, "Föredragande");
        Subject = MinutesText.Required(subject, 300, "Ämnet");
    }

    public string Presenter { get; private set; }

    public string Subject { get; private set; }
}

/// <summary>A password and second factor proven at <see cref="At"/>: what rule 27 asks before a signature.</summary>
public sealed record StrongAuthentication(DateTimeOffset At, bool SecondFactor, string Method)
{
    /// <summary>How fresh the authentication must be when the signer approves.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);
}

/// <summary>
/// One signature: who (person and user), in which role, when, after which authentication, and the SHA-256 of the exact
/// PDF approved. <see cref="Section"/> is set for an omedelbar justering of one § (rule 14), <see cref="CorrectionId"/>
/// for the approval of a correction; both null for the protokoll.
/// </summary>
public sealed class Approval
{
    private Approval()
    {
        Name = string.Empty;
        Sha256 = string.Empty;
        Provider = string.Empty;
        Method = string.Empty;
    }

    internal Approval(Guid personId, string name, SignerRole role, Guid userId, DateTimeOffset approvedAt, StrongAuthentication authentication, string sha256, string provider, int? section, Guid? correctionId)
        : this()
    {
        PersonId = personId;
        Name = name;
        Role = role;
        UserId = userId;
        ApprovedAt = approvedAt.ToUniversalTime();
        AuthenticatedAt = authentication.At.ToUniversalTime();
        Method = authentication.Method;
        Sha256 = sha256;
        Provider = provider;
        Section = section;
        CorrectionId = correctionId;
    }

    public Guid PersonId { get; private set; }

    public string Name { get; private set; }

    public SignerRole Role { get; private set; }

    public Guid UserId { get; private set; }

    public DateTimeOffset ApprovedAt { get; private set; }

    public DateTimeOffset AuthenticatedAt { get; private set; }

    public string Method { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the PDF the signer approved.</summary>
    public string Sha256 { get; private set; }

    /// <summary>The signing provider's name (<c>portal</c> for the portal's own).</summary>
    public string Provider { get; private set; }

    public int? Section { get; private set; }

    public Guid? CorrectionId { get; private set; }
}

/// <summary>Rättelse: a change to a justerat protokoll, a separate act with its own approval (rule 13).</summary>
public sealed class Correction
{
    private Correction()
    {
        Text = string.Empty;
        CreatedBy = string.Empty;
    }

    internal Correction(int number, int? section, string text, Guid fileId, string createdBy, DateTimeOffset createdAt)
        : this()
    {
        Number = number;
        Section = section;
        Text = Normalised(text);
        FileId = fileId;
        CreatedBy = createdBy;
        CreatedAt = createdAt.ToUniversalTime();
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>"Rättelse 2": the protokoll's corrections numbered from 1 in the order they were written.</summary>
    public int Number { get; private set; }

    /// <summary>The § corrected, or null for the protokoll as a whole (its first page, say).</summary>
    public int? Section { get; private set; }

    public string Text { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The print of the correction out for justering.</summary>
    public Guid FileId { get; private set; }

    /// <summary>The SHA-256 of <see cref="FileId"/>: every signer approves exactly this.</summary>
    public string? Sha256 { get; internal set; }

    /// <summary>When the last signer approved: the correction is justerad.</summary>
    public DateTimeOffset? ApprovedAt { get; internal set; }

    /// <summary>The correction as printed after the last signature ("Rättelsen har signerats digitalt av …", Bevis om anslagsdag).</summary>
    public Guid? SignedFileId { get; private set; }

    /// <summary>The PDF/A-2b rendition of <see cref="SignedFileId"/> for the archive.</summary>
    public Guid? ArchiveFileId { get; private set; }

    /// <summary>The anslag announcing the correction's justering.</summary>
    public Guid? PostingId { get; private set; }

    /// <summary>How the anslag and the prints name it: "Rättelse 1 av § 61", "Rättelse 2 av protokollet".</summary>
    public string Title => TitleFor(Number, Section);

    public static string TitleFor(int number, int? section) => section is { } s ? $"Rättelse {number} av § {s}" : $"Rättelse {number} av protokollet";

    /// <summary>The text as written, trimmed, required and at most 4 000 characters.</summary>
    public static string Normalised(string? text) => MinutesText.Required(text, 4000, "Rättelsen");

    internal void RecordJustering(Guid signedFileId, Guid archiveFileId, Guid postingId)
    {
        SignedFileId = signedFileId;
        ArchiveFileId = archiveFileId;
        PostingId = postingId;
    }
}

internal static class MinutesText
{
    public static string Required(string? text, int max, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainException($"{field} måste fyllas i.");
        }

        var trimmed = text.Trim();
        return trimmed.Length <= max ? trimmed : throw new DomainException($"{field} får ha högst {max} tecken.");
    }

    public static string? Optional(string? text, int max, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        return trimmed.Length <= max ? trimmed : throw new DomainException($"{field} får ha högst {max} tecken.");
    }

    public static List<string> Lines(IEnumerable<string>? lines, int maxLines, int maxLength, string field)
    {
        var list = (lines ?? []).Select(l => l?.Trim() ?? string.Empty).Where(l => l.Length > 0).ToList();
        if (list.Count > maxLines)
        {
            throw new DomainException($"{field} får ha högst {maxLines} rader.");
        }

        return list.Any(l => l.Length > maxLength) ? throw new DomainException($"Varje rad i {field.ToLowerInvariant()} får ha högst {maxLength} tecken.") : list;
    }
}
