using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nämndportal.Domain.AuditTrail;

namespace Nämndportal.Infrastructure.Identity;

/// <summary>
/// Identity's sign-in with two changes. The same work for every answer: an unknown address is checked against a dummy
/// hash and a locked account's password is checked before the lockout is reported, so the time taken does not tell which
/// addresses have accounts. And every login, failure, wrong second-factor code and lockout is written to the audit trail.
/// </summary>
public sealed class PortalSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    LoginAuditTrail audit)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private static readonly ApplicationUser DummyUser = new() { Id = Guid.Empty, UserName = "dummy" };
    private static string? _dummyHash;

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            // As much work as a wrong password for an existing account: one hash verification.
            UserManager.PasswordHasher.VerifyHashedPassword(DummyUser, DummyHash(), password);
            // What was typed is recorded only when it is an e-mail address: a password typed into the address field
            // must not reach the Händelselogg.
            var typed = System.Net.Mail.MailAddress.TryCreate(userName, out var address) && address.Address == userName ? userName : "(ogiltig adress)";
            await audit.WriteAsync(AuditActions.LoginFailed, null, typed, "Misslyckad inloggning: ingen användare med den e-postadressen");
            return SignInResult.Failed;
        }

        var wasLocked = await UserManager.IsLockedOutAsync(user);
        var result = await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        if (result.Succeeded)
        {
            await audit.WriteAsync(AuditActions.LoggedIn, user.Id, user.UserName, "Inloggad med lösenord");
        }
        else if (result.IsLockedOut && wasLocked)
        {
            await audit.WriteAsync(AuditActions.LockedOut, user.Id, user.UserName, "Inloggning nekad: kontot är låst");
        }
        else if (result.IsLockedOut)
        {
            await audit.WriteAsync(AuditActions.LoginFailed, user.Id, user.UserName, "Misslyckad inloggning: fel lösenord");
            await audit.WriteAsync(AuditActions.LockedOut, user.Id, user.UserName, "Kontot låstes efter för många misslyckade inloggningsförsök");
        }
        else if (!result.RequiresTwoFactor)
        {
            await audit.WriteAsync(AuditActions.LoginFailed, user.Id, user.UserName, "Misslyckad inloggning: fel lösenord");
        }

        return result;
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(ApplicationUser user, string password, bool lockoutOnFailure)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (await IsLockedOut(user))
        {
            // Check the password anyway (without counting it), so that a locked account answers as slowly as an open one.
            UserManager.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash ?? DummyHash(), password);
            return SignInResult.LockedOut;
        }

        return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
    }

    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient);
        if (user is null)
        {
            return result;
        }

        if (result.Succeeded)
        {
            await audit.WriteAsync(AuditActions.LoggedIn, user.Id, user.UserName, "Inloggad med lösenord och tvåstegskod");
        }
        else
        {
            await audit.WriteAsync(AuditActions.SecondFactorFailed, user.Id, user.UserName, "Fel eller redan använd tvåstegskod");
            if (result.IsLockedOut)
            {
                await audit.WriteAsync(AuditActions.LockedOut, user.Id, user.UserName, "Kontot är låst efter för många misslyckade försök");
            }
        }

        return result;
    }

    private string DummyHash() => _dummyHash ??= UserManager.PasswordHasher.HashPassword(DummyUser, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
}
