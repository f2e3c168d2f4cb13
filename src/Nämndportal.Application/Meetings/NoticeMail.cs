using System.Globalization;
using System.Text;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Meetings;

namespace Nämndportal.Application.Meetings;

/// <summary>
/// The text of the kallelse mail and of a change notice (moved, cancelled), plain text and simple HTML, in Swedish. A mail
/// holds time, place, the agenda's numbers and titles (a closed item by its neutral public title only), a link to the
/// meeting's page and the sender: never a handling, a secret or a closed item's title (docs/security.md).
/// </summary>
public static class NoticeMail
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>"onsdag 9 december 2026".</summary>
    public static string Day(DateTimeOffset at) => SwedishTime.ToLocal(at).ToString("dddd d MMMM yyyy", Swedish);

    /// <summary>"onsdag 9 december 2026 kl. 13.00–16.00".</summary>
    public static string When(DateTimeOffset startsAt, DateTimeOffset? endsAt) =>
        $"{Day(startsAt)} kl. {Time(startsAt)}" + (endsAt is { } end ? $"–{Time(end)}" : string.Empty);

    public static string Time(DateTimeOffset at) => SwedishTime.ToLocal(at).ToString("HH'.'mm", CultureInfo.InvariantCulture);

    /// <summary>One agenda line as the mail shows it: "3. Taxor för hemtjänst (OMF-2026-12)"; a closed item "4. Enskilt ärende".</summary>
    public static string AgendaLine(AgendaItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.IsClosed)
        {
            return $"{item.Position}. {item.EffectivePublicTitle}";
        }

        return $"{item.Position}. {item.Title}" + (item.CaseNumber is { } number ? $" ({number})" : string.Empty)
            + (item.IsLateAddition ? " – extra ärende" : string.Empty);
    }

    public static (string Subject, string Text, string Html) Kallelse(
        string organName, Meeting meeting, int versionNumber, string? changeNote, string link, string senderName)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var subject = $"{(versionNumber > 1 ? "Ändrad kallelse" : "Kallelse")}: {organName} {Day(meeting.StartsAt)}";
        var lines = meeting.Items.Select(AgendaLine).ToList();
        var text = new StringBuilder();
        var html = new StringBuilder();
        if (versionNumber > 1 && changeNote is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Kallelsen har ändrats: {changeNote}").AppendLine();
            html.Append(CultureInfo.InvariantCulture, $"<p><strong>Kallelsen har ändrats:</strong> {E(changeNote)}</p>");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"Du kallas till {organName}s sammanträde.").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Tid: {When(meeting.StartsAt, meeting.EndsAt)}")
            .AppendLine(CultureInfo.InvariantCulture, $"Plats: {meeting.Place}").AppendLine()
            .AppendLine("Föredragningslista:");
        foreach (var line in lines)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {line}");
        }

        text.AppendLine()
            .AppendLine("Handlingarna finns i Nämndportalen:")
            .AppendLine(link).AppendLine()
            .AppendLine("Med vänlig hälsning")
            .AppendLine(senderName);

        html.Append(CultureInfo.InvariantCulture, $"<p>Du kallas till {E(organName)}s sammanträde.</p>")
            .Append(CultureInfo.InvariantCulture, $"<p><strong>Tid:</strong> {E(When(meeting.StartsAt, meeting.EndsAt))}<br><strong>Plats:</strong> {E(meeting.Place)}</p>")
            .Append("<p><strong>Föredragningslista</strong></p><ul>");
        foreach (var line in lines)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{E(line)}</li>");
        }

        html.Append("</ul>")
            .Append(CultureInfo.InvariantCulture, $"<p>Handlingarna finns i Nämndportalen: <a href=\"{E(link)}\">{E(link)}</a></p>")
            .Append(CultureInfo.InvariantCulture, $"<p>Med vänlig hälsning<br>{E(senderName)}</p>");
        return (subject, text.ToString(), html.ToString());
    }

    public static (string Subject, string Text, string Html) Change(string organName, MeetingChangeNotice notice, DateTimeOffset announcedStart, string link)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var cancelled = notice.Kind == MeetingChangeKind.Cancelled;
        var subject = $"{(cancelled ? "Inställt sammanträde" : "Flyttat sammanträde")}: {organName} {Day(announcedStart)}";
        var lead = cancelled
            ? $"{organName}s sammanträde {Day(announcedStart)} är inställt."
            : $"{organName}s sammanträde {Day(announcedStart)} har flyttats.";
        var detail = cancelled ? $"Skäl: {notice.Text}" : notice.Text;
        var text = $"{lead}\n\n{detail}\n\nMer information finns i Nämndportalen:\n{link}\n\nMed vänlig hälsning\n{notice.SentByName}\n";
        var html = $"<p>{E(lead)}</p><p>{E(detail).Replace("\n", "<br>", StringComparison.Ordinal)}</p>"
            + $"<p>Mer information finns i Nämndportalen: <a href=\"{E(link)}\">{E(link)}</a></p><p>Med vänlig hälsning<br>{E(notice.SentByName)}</p>";
        return (subject, text, html);
    }

    /// <summary>The short notis in the portal.</summary>
    public static string NotificationText(string organName, Meeting meeting, int versionNumber) =>
        versionNumber > 1
            ? $"Ändrad kallelse till {organName} {Day(meeting.StartsAt)}."
            : $"Kallelse till {organName} {Day(meeting.StartsAt)}.";

    public static string ChangeNotificationText(string organName, MeetingChangeNotice notice, DateTimeOffset announcedStart)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return notice.Kind == MeetingChangeKind.Cancelled
            ? $"{organName} {Day(announcedStart)} är inställt. Skäl: {notice.Text}"
            : $"{organName} {Day(announcedStart)} har flyttats. {notice.Text.Replace('\n', ' ')}";
    }

    private static string E(string text) => Common.HtmlText.Encode(text);
}
