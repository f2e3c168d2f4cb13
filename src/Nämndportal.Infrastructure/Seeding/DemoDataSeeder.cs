using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.Organisation;
using Nämndportal.Infrastructure.Identity;
using Nämndportal.Infrastructure.Persistence;

namespace Nämndportal.Infrastructure.Seeding;

/// <summary>
/// Fictitious demo data for development and tests: a municipality with three organs, one login per role, and a
/// few meetings around the day of seeding. Runs once: if the demo administrator exists, it does nothing.
/// </summary>
public sealed class DemoDataSeeder(
    AppDbContext db,
    UserManager<ApplicationUser> users,
    IUserStore<ApplicationUser> userStore,
    TimeProvider clock,
    ILogger<DemoDataSeeder> logger)
{
    public async Task<bool> SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await users.FindByEmailAsync(DemoUsers.All[0].Email) is not null)
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var accounts = new Dictionary<string, ApplicationUser>();
        foreach (var demo in DemoUsers.All)
        {
            accounts[demo.Role] = await CreateUserAsync(demo, cancellationToken);
        }

        var ks = new Organ("Kommunstyrelsen", "KS", OrganKind.Kommunstyrelse, "KS") { DefaultMeetingPlace = "Kommunhuset, sessionssalen" };
        var omn = new Organ("Omsorgsnämnden", "OMN", OrganKind.Namnd, "OMF") { DefaultMeetingPlace = "Kommunhuset, sammanträdesrum Björken" };
        var sun = new Organ("Social- och utbildningsnämnden", "SUN", OrganKind.Namnd, "SUN") { DefaultMeetingPlace = "Stadshuset, sammanträdesrum Säfsen" };
        db.Organs.AddRange(ks, omn, sun);

        db.OrganOfficials.AddRange(
            new OrganOfficial(accounts[Roles.Secretary].Id, omn.Id, OfficialFunction.Namndsekreterare),
            new OrganOfficial(accounts[Roles.Secretary].Id, sun.Id, OfficialFunction.Namndsekreterare),
            new OrganOfficial(accounts[Roles.CaseOfficer].Id, omn.Id, OfficialFunction.Handlaggare));

        var termStart = new DateOnly(2023, 1, 1);
        var termEnd = new DateOnly(2026, 12, 31);
        var member = new Person("Lars", "Ledamot", "ledamot@exempelby.se") { UserId = accounts[Roles.Member].Id };
        var substitute = new Person("Erika", "Ersättare", "ersattare@exempelby.se") { UserId = accounts[Roles.Substitute].Id };
        db.Persons.AddRange(member, substitute);
        db.Memberships.AddRange(
            new Membership(member.Id, omn.Id, MembershipRole.Ledamot, termStart, termEnd),
            new Membership(substitute.Id, sun.Id, MembershipRole.Ersattare, termStart, termEnd));

        var today = SwedishTime.LocalDate(clock.GetUtcNow());
        db.Meetings.AddRange(
            MeetingOn(omn, today.AddDays(-21), new TimeOnly(13, 0), new TimeOnly(15, 30)),
            MeetingOn(omn, today.AddDays(9), new TimeOnly(13, 0), new TimeOnly(16, 0)),
            MeetingOn(omn, today.AddDays(37), new TimeOnly(13, 0), new TimeOnly(16, 0)),
            MeetingOn(sun, today.AddDays(14), new TimeOnly(14, 0), new TimeOnly(17, 0)),
            MeetingOn(ks, today.AddDays(21), new TimeOnly(9, 0), new TimeOnly(12, 0)));

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Demo data seeded: {Users} users, 3 organs, 5 meetings", accounts.Count);
        return true;
    }

    private static Meeting MeetingOn(Organ organ, DateOnly date, TimeOnly start, TimeOnly end) =>
        new(organ.Id, SwedishTime.FromLocal(date, start), SwedishTime.FromLocal(date, end), organ.DefaultMeetingPlace ?? "Kommunhuset");

    private async Task<ApplicationUser> CreateUserAsync(DemoUser demo, CancellationToken cancellationToken)
    {
        var user = new ApplicationUser
        {
            UserName = demo.Email,
            Email = demo.Email,
            EmailConfirmed = true,
            DisplayName = demo.DisplayName,
        };
        Check(await users.CreateAsync(user, DemoUsers.Password));
        Check(await users.AddToRoleAsync(user, demo.Role));

        if (demo.Role == Roles.Administrator)
        {
            // The administrator shows the second factor: a known authenticator key, printed by dev.sh.
            await ((IUserAuthenticatorKeyStore<ApplicationUser>)userStore).SetAuthenticatorKeyAsync(user, DemoUsers.AdministratorAuthenticatorKey, cancellationToken);
            Check(await users.UpdateAsync(user));
            Check(await users.SetTwoFactorEnabledAsync(user, true));
        }

        return user;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo user could not be created: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }
}
