using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Application.Organisation;

/// <summary>
/// Create or edit a person. An administrator may at the same time give the person a login (Ledamot or Ersättare
/// role, an initial password the person is told and changes).
/// </summary>
public sealed record SavePerson
{
    public Guid? Id { get; init; }
    public uint Version { get; init; }
    public string FirstName { get; set; } = string.Empty;
    public string LastName { get; set; } = string.Empty;
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public Guid? PartyId { get; set; }
    public bool CreateLogin { get; set; }
    public string LoginRole { get; set; } = Roles.Member;
    public string? InitialPassword { get; set; }
}

public sealed class SavePersonValidator : AbstractValidator<SavePerson>
{
    public SavePersonValidator()
    {
        RuleFor(x => x.FirstName).NotEmpty().WithMessage("Ange förnamn.").MaximumLength(100).WithMessage("Förnamnet får ha högst 100 tecken.");
        RuleFor(x => x.LastName).NotEmpty().WithMessage("Ange efternamn.").MaximumLength(100).WithMessage("Efternamnet får ha högst 100 tecken.");
        RuleFor(x => x.Email).EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.Email)).WithMessage("E-postadressen är ogiltig.");
        RuleFor(x => x.Email).NotEmpty().When(x => x.CreateLogin).WithMessage("En inloggning kräver en e-postadress.");
        RuleFor(x => x.InitialPassword).NotEmpty().When(x => x.CreateLogin).WithMessage("Ange ett första lösenord för inloggningen.");
        RuleFor(x => x.LoginRole).Must(r => Roles.All.Contains(r)).When(x => x.CreateLogin).WithMessage("Välj en roll för inloggningen.");
    }
}

public sealed class SavePersonHandler(IAppDbContextFactory dbFactory, AccessService access, IValidator<SavePerson> validator, IUserDirectory users)
{
    public async Task<Result<Guid>> HandleAsync(SavePerson request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grants = await access.SnapshotAsync(cancellationToken);
        if (!grants.Can(Operation.ManagePersons) || (request.CreateLogin && !grants.Can(Operation.ManageRegister)))
        {
            return Error.Forbidden();
        }

        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Error.Validation(validation);
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var email = request.Email?.Trim();
        if (!string.IsNullOrEmpty(email) && await db.Persons.AnyAsync(p => p.Id != request.Id && p.Email == email, cancellationToken))
        {
            return Error.Invalid("En annan person har redan den e-postadressen.");
        }

        try
        {
            Person person;
            if (request.Id is { } id)
            {
                person = await db.Persons.SingleOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new DomainException("Personen finns inte längre.");
                db.SetOriginalVersion(person, request.Version);
                person.Update(request.FirstName, request.LastName, email, request.PartyId, request.Phone);
            }
            else
            {
                person = new Person(request.FirstName, request.LastName, email, request.PartyId, request.Phone);
                db.Persons.Add(person);
            }

            Guid? createdLogin = null;
            if (request.CreateLogin && person.UserId is null)
            {
                var login = await users.CreateAsync(email!, person.FullName, request.LoginRole, request.InitialPassword!, cancellationToken);
                if (!login.Succeeded)
                {
                    return login.Error!;
                }

                person.UserId = createdLogin = login.Value;
            }

            var saved = await db.SaveOrConflictAsync(person, person.Id, cancellationToken);
            if (!saved.Succeeded && createdLogin is { } orphan)
            {
                // The person was not saved, so neither is the login: no account with a known password is left behind.
                await users.DeleteAsync(orphan, cancellationToken);
            }

            return saved;
        }
        catch (DomainException ex)
        {
            return Error.Invalid(ex.Message);
        }
    }
}
