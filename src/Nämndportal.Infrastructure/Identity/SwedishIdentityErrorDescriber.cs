using Microsoft.AspNetCore.Identity;

namespace Nämndportal.Infrastructure.Identity;

/// <summary>Identity's messages in Swedish (password rules, duplicate names), shown in admin forms.</summary>
public sealed class SwedishIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"Lösenordet måste ha minst {length} tecken." };

    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "Lösenordet måste innehålla minst en siffra." };

    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = "Lösenordet måste innehålla minst en liten bokstav." };

    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = "Lösenordet måste innehålla minst en stor bokstav." };

    public override IdentityError PasswordRequiresNonAlphanumeric() => new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = "Lösenordet måste innehålla minst ett specialtecken." };

    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = "E-postadressen används redan av ett annat konto." };

    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = "Användarnamnet används redan." };

    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = "E-postadressen är ogiltig." };

    public override IdentityError InvalidToken() => new() { Code = nameof(InvalidToken), Description = "Koden är ogiltig eller har gått ut." };

    public override IdentityError ConcurrencyFailure() => new() { Code = nameof(ConcurrencyFailure), Description = "Kontot ändrades av någon annan samtidigt. Ladda om och försök igen." };

    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "Ett okänt fel inträffade." };
}
