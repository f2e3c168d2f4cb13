using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Delegation;

/// <summary>
/// A meddelande: a letter or decision from someone else (Skolinspektionen, kommunfullmäktige, …) reported to the board
/// for its information. Registered with its sender, case number and the sender's own reference, and listed in the next
/// meeting's redovisning av meddelanden.
/// </summary>
public sealed class BoardMessage : Entity, IConcurrencyVersioned
{
    private BoardMessage()
    {
        Sender = string.Empty;
        Description = string.Empty;
    }

    public BoardMessage(Guid organId, string sender, DateOnly receivedOn, string? caseNumber, string? reference, string description, Guid? documentFileId, DateOnly today)
        : this()
    {
        if (receivedOn > today)
        {
            throw new DomainException($"Datumet {receivedOn:yyyy-MM-dd} ligger i framtiden.");
        }

        OrganId = organId;
        Sender = Required(sender, 200, "Avsändaren");
        Description = Required(description, 500, "Beskrivningen");
        ReceivedOn = receivedOn;
        CaseNumber = string.IsNullOrWhiteSpace(caseNumber) ? null : caseNumber.Trim().Length <= 60 ? caseNumber.Trim() : throw new DomainException("Diarienumret får ha högst 60 tecken.");
        Reference = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim().Length <= 200 ? reference.Trim() : throw new DomainException("Avsändarens beteckning får ha högst 200 tecken.");
        DocumentFileId = documentFileId;
    }

    public Guid OrganId { get; private set; }

    /// <summary>"Skolinspektionen", "Kommunfullmäktige".</summary>
    public string Sender { get; private set; }

    public DateOnly ReceivedOn { get; private set; }

    /// <summary>The organ's own diarienummer: "SUN 2023/366".</summary>
    public string? CaseNumber { get; private set; }

    /// <summary>The sender's reference: "dnr SI 2023:5158", "KF 2023-12-18 § 93".</summary>
    public string? Reference { get; private set; }

    public string Description { get; private set; }

    public Guid? DocumentFileId { get; private set; }

    public Guid? ReportMeetingId { get; private set; }

    /// <summary>"anmäld vid Social- och utbildningsnämnden 2026-12-09 § 113", once the protokoll is justerat.</summary>
    public string? ReportedIn { get; private set; }

    public uint Version { get; private set; }

    public void PutOnReport(Guid meetingId)
    {
        if (ReportedIn is not null)
        {
            throw new DomainException($"Meddelandet från {Sender} är redan {ReportedIn}.");
        }

        ReportMeetingId = meetingId;
    }

    public void TakeOffReport()
    {
        if (ReportedIn is not null)
        {
            throw new DomainException($"Meddelandet från {Sender} är redan {ReportedIn}.");
        }

        ReportMeetingId = null;
    }

    public void MarkReported(string organName, DateOnly meetingDate, int section)
    {
        if (ReportMeetingId is null)
        {
            throw new DomainException($"Meddelandet från {Sender} finns inte på någon redovisning.");
        }

        ReportedIn = $"anmäld vid {organName} {meetingDate:yyyy-MM-dd} § {section}";
    }

    private static string Required(string? text, int max, string field) =>
        string.IsNullOrWhiteSpace(text) ? throw new DomainException($"{field} måste anges.")
        : text.Trim().Length > max ? throw new DomainException($"{field} får ha högst {max} tecken.")
        : text.Trim();
}

/// <summary>One meddelande in the report: "c) SUN 2023/635 Ramjusteringar 2024. KF 2023-12-18 § 93".</summary>
public sealed record MessageReportLine(string Letter, string? CaseNumber, string Description, string? Reference, bool DocumentElsewhere, Guid MessageId);

public sealed record MessageReportGroup(string Sender, IReadOnlyList<MessageReportLine> Lines);

/// <summary>
/// Redovisning av meddelanden (seeds/004): grouped by sender in the order the first of each arrived, lettered a), b), c)
/// … on through the groups.
/// </summary>
public sealed record MessageReport(string OrganName, DateOnly CutOff, IReadOnlyList<MessageReportGroup> Groups, bool HasDocumentsElsewhere)
{
    public static MessageReport Build(string organName, DateOnly cutOff, IEnumerable<BoardMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var letter = 0;
        var groups = messages
            .OrderBy(m => m.ReceivedOn).ThenBy(m => m.CreatedAt)
            .GroupBy(m => m.Sender, StringComparer.OrdinalIgnoreCase)
            .Select(g => new MessageReportGroup(g.First().Sender, g.Select(m =>
                new MessageReportLine(Letter(letter++), m.CaseNumber, m.Description, m.Reference, m.DocumentFileId is null, m.Id)).ToList()))
            .ToList();
        return new MessageReport(organName, cutOff, groups, groups.Any(g => g.Lines.Any(l => l.DocumentElsewhere)));
    }

    /// <summary>a, b, …, z, aa, ab, …</summary>
    public static string Letter(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var text = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            text = (char)('a' + ((n - 1) % 26)) + text;
        }

        return text;
    }
}
