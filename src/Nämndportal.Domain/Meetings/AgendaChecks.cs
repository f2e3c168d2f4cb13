using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Domain.Meetings;

/// <summary>What the checks need to know about one item's case and handlingar (read by the use case).</summary>
public sealed record AgendaItemFacts(CaseStatus? CaseStatus, bool HasOfficerReport, IReadOnlyList<AgendaDocumentFacts> Documents);

/// <summary>One handling in an item's pack: its name, whether its PDF is ready, and whether it is secret.</summary>
public sealed record AgendaDocumentFacts(string Name, AgendaDocumentState State, bool IsSecret);

public enum AgendaDocumentState
{
    Ready,
    Converting,
    Unreadable,
}

/// <summary>The checks shown while an agenda is built (issue: none blocks a save; sending with warnings is confirmed).</summary>
public static class AgendaChecks
{
    public static IReadOnlyList<AgendaCheck> Evaluate(Meeting meeting, OrganRules rules, DateOnly today, IReadOnlyDictionary<Guid, AgendaItemFacts> facts)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(facts);
        var checks = new List<AgendaCheck>();
        if (meeting.Status == MeetingStatus.Planerat)
        {
            var deadline = meeting.NoticeDeadline(rules);
            var daysLeft = deadline.DayNumber - today.DayNumber;
            checks.Add(daysLeft switch
            {
                < 0 => new AgendaCheck(AgendaCheckKind.NoticeLate,
                    $"Kallelsen skulle ha skickats senast {deadline:yyyy-MM-dd} ({rules.NoticeDaysBeforeMeeting} dagar före sammanträdet enligt reglementet).", true),
                0 => new AgendaCheck(AgendaCheckKind.DaysLeft, $"Kallelsen ska skickas i dag, {deadline:yyyy-MM-dd}.", false),
                1 => new AgendaCheck(AgendaCheckKind.DaysLeft, $"1 dag kvar tills kallelsen ska skickas (senast {deadline:yyyy-MM-dd}).", false),
                _ => new AgendaCheck(AgendaCheckKind.DaysLeft, $"{daysLeft} dagar kvar tills kallelsen ska skickas (senast {deadline:yyyy-MM-dd}).", false),
            });
        }

        if (meeting.Items.Count == 0)
        {
            checks.Add(new AgendaCheck(AgendaCheckKind.EmptyAgenda, "Föredragningslistan är tom.", true));
        }

        foreach (var item in meeting.Items)
        {
            if (!facts.TryGetValue(item.Id, out var fact))
            {
                continue;
            }

            var label = $"Punkt {item.Position} ({item.Title})";
            if (item.Kind == AgendaItemKind.Decision)
            {
                if (!fact.HasOfficerReport)
                {
                    checks.Add(new AgendaCheck(AgendaCheckKind.NoOfficerReport, $"{label}: ärendet saknar tjänsteskrivelse.", true, item.Id));
                }

                if (fact.CaseStatus is not (CaseStatus.KlartForBeslut or CaseStatus.PaForedragningslista or null))
                {
                    checks.Add(new AgendaCheck(AgendaCheckKind.CaseNotReady,
                        $"{label}: ärendet är inte längre klart för beslut (status {CaseStatusNames.Name(fact.CaseStatus.Value).ToLowerInvariant()}).", true, item.Id));
                }
            }

            foreach (var document in fact.Documents)
            {
                switch (document.State)
                {
                    case AgendaDocumentState.Converting:
                        checks.Add(new AgendaCheck(AgendaCheckKind.DocumentConverting, $"{label}: {document.Name} håller på att konverteras till PDF.", true, item.Id));
                        break;
                    case AgendaDocumentState.Unreadable:
                        checks.Add(new AgendaCheck(AgendaCheckKind.DocumentUnreadable,
                            $"{label}: {document.Name} kan inte läsas som PDF. Paketet får en ersättningssida i stället.", true, item.Id));
                        break;
                    case AgendaDocumentState.Ready:
                        break;
                    default:
                        throw new ArgumentOutOfRangeException(nameof(facts), document.State, null);
                }

                if (document.IsSecret && !item.IsClosed)
                {
                    checks.Add(new AgendaCheck(AgendaCheckKind.SecretInOpenItem,
                        $"{label}: {document.Name} är sekretessmarkerad men punkten behandlas inte inom stängda dörrar.", true, item.Id));
                }
            }
        }

        return checks;
    }
}
