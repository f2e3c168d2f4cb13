using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nämndportal.Application.Common;
using Nämndportal.Infrastructure.Identity;

namespace Nämndportal.Web.Security;

/// <summary>Adds the display name and whether a second factor is enrolled to the sign-in cookie.</summary>
public sealed class PortalClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole<Guid>> roleManager,
    IOptions<IdentityOptions> options,
    IAppDbContextFactory dbFactory,
    TimeProvider clock)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole<Guid>>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.GivenName, user.DisplayName));
        identity.AddClaim(new Claim(PortalClaims.TwoFactorEnrolled, user.TwoFactorEnabled ? "true" : "false"));
        if (await SitsOnOrganRequiringSecondFactorAsync(user.Id))
        {
            identity.AddClaim(new Claim(PortalClaims.TwoFactorRequiredByOrgan, "true"));
        }

        return identity;
    }

    private async Task<bool> SitsOnOrganRequiringSecondFactorAsync(Guid userId)
    {
        var today = Domain.Common.SwedishTime.LocalDate(clock.GetUtcNow());
        await using var db = await dbFactory.CreateAsync();
        var memberships = await (from m in db.Memberships.AsNoTracking()
                                 join p in db.Persons on m.PersonId equals p.Id
                                 join o in db.Organs on m.OrganId equals o.Id
                                 where p.UserId == userId && o.Rules.MembersNeedSecondFactor
                                 select m).ToListAsync();
        return memberships.Any(m => m.IsValidOn(today));
    }
}
