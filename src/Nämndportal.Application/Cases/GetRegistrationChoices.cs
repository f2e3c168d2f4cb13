using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Organisation;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Application.Cases;

/// <summary>What the register-a-case form offers: the organs the user may register for, each with its case officers and an example number.</summary>
public sealed record RegistrationChoices(IReadOnlyList<RegistrationOrgan> Organs, Guid? DefaultOfficerUserId);

public sealed record RegistrationOrgan(Guid Id, string Name, string ExampleNumber, IReadOnlyList<Lookup> Officers);

public sealed class GetRegistrationChoicesHandler(IAppDbContextFactory dbFactory, AccessService access, IUserDirectory users, ICurrentUser user, TimeProvider clock)
{
    public async Task<RegistrationChoices> HandleAsync(CancellationToken cancellationToken = default)
    {
        var grants = await access.SnapshotAsync(cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var today = SwedishTime.LocalDate(clock.GetUtcNow());
        var organs = (await db.Organs.AsNoTracking().OrderBy(o => o.Name).ToListAsync(cancellationToken))
            .Where(o => o.IsActiveOn(today) && grants.Can(Operation.RegisterCase, o.Id))
            .ToList();
        var organIds = organs.Select(o => o.Id).ToList();
        var officials = await db.OrganOfficials.AsNoTracking()
            .Where(o => organIds.Contains(o.OrganId) && (o.Function == OfficialFunction.Handlaggare || o.Function == OfficialFunction.Namndsekreterare))
            .ToListAsync(cancellationToken);
        var names = await users.DisplayNamesAsync(officials.Select(o => o.UserId).Distinct().ToList(), cancellationToken);
        var result = organs.Select(o => new RegistrationOrgan(
            o.Id,
            o.Name,
            CaseNumberFormat.Parse(o.CaseNumberPattern).Format(o.CaseNumberPrefix, today.Year, 12),
            officials.Where(f => f.OrganId == o.Id).Select(f => f.UserId).Distinct()
                .Select(id => new Lookup(id, names.GetValueOrDefault(id, "(okänd användare)")))
                .OrderBy(l => l.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("sv-SE"), false))
                .ToList()))
            .ToList();
        var me = user.UserId;
        return new RegistrationChoices(result, me is { } id && officials.Any(f => f.UserId == id && f.Function == OfficialFunction.Handlaggare) ? id : null);
    }
}
