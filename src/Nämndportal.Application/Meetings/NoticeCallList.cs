using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Application.Meetings;

/// <summary>An extra recipient the secretary typed: name and e-mail address ("Övrig").</summary>
public sealed record ExtraRecipient(string Name, string Email);

/// <summary>
/// Who a kallelse version goes to: every ledamot and ersättare (all membership roles) whose seat in the organ is valid on
/// the meeting's Stockholm date, the organ's nämndsekreterare, and the officials and others the secretary added. One row
/// per person and per address (the first capacity wins: a member added again as an extra is still "Ledamot").
/// </summary>
internal static class NoticeCallList
{
    public static async Task<List<NoticeRecipient>> BuildAsync(
        IAppDbContext db, IUserDirectory users, Meeting meeting, Guid versionId, IReadOnlyCollection<Guid> officialUserIds,
        IReadOnlyCollection<ExtraRecipient> others, CancellationToken cancellationToken)
    {
        var date = meeting.LocalDate;
        var seats = await (from m in db.Memberships.AsNoTracking()
                           join p in db.Persons.AsNoTracking() on m.PersonId equals p.Id
                           where m.OrganId == meeting.OrganId && m.ValidFrom <= date && (m.ValidTo == null || m.ValidTo >= date)
                           select new { m.Role, m.PartyId, Person = p }).ToListAsync(cancellationToken);
        var parties = await db.Parties.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Abbreviation, cancellationToken);
        var list = new List<NoticeRecipient>();
        var seenPersons = new HashSet<Guid>();
        var seenEmails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        void Add(NoticeRecipient r)
        {
            if ((r.PersonId is { } pid && !seenPersons.Add(pid)) || (r.Email is { } e && seenEmails.Contains(e)))
            {
                return;
            }

            if (r.Email is { } email)
            {
                seenEmails.Add(email);
            }

            list.Add(r);
        }

        // Chairs first, then ledamöter, then ersättare; by name within each.
        foreach (var seat in seats.OrderBy(s => s.Role).ThenBy(s => s.Person.LastName).ThenBy(s => s.Person.FirstName))
        {
            var party = (seat.PartyId ?? seat.Person.PartyId) is { } partyId && parties.TryGetValue(partyId, out var abbreviation) ? $" ({abbreviation})" : string.Empty;
            Add(new NoticeRecipient(versionId, seat.Person.FullName, seat.Person.Email, seat.Role.SwedishName() + party, seat.Person.Id, seat.Person.UserId));
        }

        var officials = await db.OrganOfficials.AsNoTracking().Where(o => o.OrganId == meeting.OrganId).ToListAsync(cancellationToken);
        var called = officials.Where(o => o.Function == OfficialFunction.Namndsekreterare).Select(o => (o.UserId, Capacity: "Nämndsekreterare"))
            .Concat(officials.Where(o => officialUserIds.Contains(o.UserId)).Select(o => (o.UserId, Capacity: "Tjänsteman")))
            .ToList();
        foreach (var (userId, capacity) in called)
        {
            if (await users.ContactAsync(userId, cancellationToken) is not { } contact)
            {
                continue;
            }

            var person = await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
            Add(new NoticeRecipient(versionId, contact.Name, contact.Email, capacity, person?.Id, userId));
        }

        foreach (var other in others)
        {
            Add(new NoticeRecipient(versionId, other.Name, other.Email, "Övrig", null, null));
        }

        return list;
    }
}
