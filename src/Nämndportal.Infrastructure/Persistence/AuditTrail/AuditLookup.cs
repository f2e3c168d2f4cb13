using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Organisation;
using Nämndportal.Infrastructure.Identity;

namespace Nämndportal.Infrastructure.Persistence.AuditTrail;

/// <summary>
/// Names of the records a line refers to (a person, an organ, a login), from the same save when they are in it, else
/// from the database. Each name is looked up once per save.
/// </summary>
internal sealed class AuditLookup(DbContext context, IReadOnlyList<EntityEntry> entries)
{
    private readonly Dictionary<(string Kind, Guid Id), string> _names = [];

    public string PersonName(Guid id) => Name("person", id, () =>
        Tracked<Person>(p => p.Id == id)?.FullName
        ?? context.Set<Person>().AsNoTracking().Where(p => p.Id == id).Select(p => p.FirstName + " " + p.LastName).FirstOrDefault());

    public string OrganShortName(Guid id) => Name("organ", id, () =>
        Tracked<Organ>(o => o.Id == id)?.ShortName
        ?? context.Set<Organ>().AsNoTracking().Where(o => o.Id == id).Select(o => o.ShortName).FirstOrDefault());

    /// <summary>A meeting as "OMN 2026-12-09" (organ and Stockholm date).</summary>
    public string MeetingName(Guid id) => Name("meeting", id, () =>
    {
        var meeting = Tracked<Domain.Meetings.Meeting>(m => m.Id == id)
            ?? context.Set<Domain.Meetings.Meeting>().AsNoTracking().FirstOrDefault(m => m.Id == id);
        return meeting is null ? null : $"{OrganShortName(meeting.OrganId)} {meeting.LocalDate:yyyy-MM-dd}";
    });

    /// <summary>An agenda item as "punkt 3 på OMN 2026-12-09" (never its title: a closed item's title is not for the trail).</summary>
    public string AgendaItemName(Guid id) => Name("agenda-item", id, () =>
    {
        var item = Tracked<Domain.Meetings.AgendaItem>(i => i.Id == id)
            ?? context.Set<Domain.Meetings.AgendaItem>().AsNoTracking().FirstOrDefault(i => i.Id == id);
        return item is null ? null : $"punkt {item.Position} på {MeetingName(item.MeetingId)}";
    });

    public string PartyAbbreviation(Guid id) => Name("party", id, () =>
        Tracked<Party>(p => p.Id == id)?.Abbreviation
        ?? context.Set<Party>().AsNoTracking().Where(p => p.Id == id).Select(p => p.Abbreviation).FirstOrDefault());

    /// <summary>A login by its display name, or its user name when it has none.</summary>
    public string UserName(Guid id) => Name("user", id, () =>
    {
        var user = Tracked<ApplicationUser>(u => u.Id == id)
            ?? context.Set<ApplicationUser>().AsNoTracking().FirstOrDefault(u => u.Id == id);
        return user is null ? null : LoginName(user);
    });

    public string RoleName(Guid id) => Name("role", id, () =>
        Tracked<IdentityRole<Guid>>(r => r.Id == id)?.Name
        ?? context.Set<IdentityRole<Guid>>().AsNoTracking().Where(r => r.Id == id).Select(r => r.Name).FirstOrDefault());

    /// <summary>Whether the handling is secret-marked, as it is being saved.</summary>
    public bool IsSecretDocument(Guid id) =>
        Tracked<CaseDocument>(d => d.Id == id) is { } document
            ? document.IsSecret
            : context.Set<CaseDocument>().AsNoTracking().Any(d => d.Id == id && d.SecrecyProvision != null);

    public static string LoginName(ApplicationUser user) =>
        string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName ?? user.Id.ToString() : $"{user.DisplayName} ({user.UserName})";

    private string Name(string kind, Guid id, Func<string?> find)
    {
        if (!_names.TryGetValue((kind, id), out var name))
        {
            name = find() ?? "(okänd)";
            _names[(kind, id)] = name;
        }

        return name;
    }

    private T? Tracked<T>(Func<T, bool> match)
        where T : class =>
        entries.Select(e => e.Entity).OfType<T>().FirstOrDefault(match);
}
