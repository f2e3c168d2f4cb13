using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Domain.Meetings;

namespace Nämndportal.Application.Reader;

/// <summary>Who a note on a meeting may be shared with: the organ's ledamöter and ersättare with a login, on the meeting's date.</summary>
internal static class NoteShareCandidates
{
    public static async Task<List<NoteShareCandidate>> MembersOnDateAsync(this IAppDbContext db, Meeting meeting, Guid except, CancellationToken cancellationToken)
    {
        var date = meeting.LocalDate;
        var members = await (from m in db.Memberships.AsNoTracking()
                             join p in db.Persons.AsNoTracking() on m.PersonId equals p.Id
                             where m.OrganId == meeting.OrganId && p.UserId != null && p.UserId != except
                                   && m.ValidFrom <= date && (m.ValidTo == null || m.ValidTo >= date)
                             select new { UserId = p.UserId!.Value, p.FirstName, p.LastName })
            .ToListAsync(cancellationToken);
        return members
            .GroupBy(m => m.UserId)
            .Select(g => new NoteShareCandidate(g.Key, $"{g.First().FirstName} {g.First().LastName}"))
            .OrderBy(c => c.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("sv-SE"), ignoreCase: true))
            .ToList();
    }
}

/// <summary>A member a note may be shared with.</summary>
public sealed record NoteShareCandidate(Guid UserId, string Name);
