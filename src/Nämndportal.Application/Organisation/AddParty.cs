using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Application.Organisation;

public sealed record AddParty
{
    public string Abbreviation { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
}

public sealed class AddPartyValidator : AbstractValidator<AddParty>
{
    public AddPartyValidator()
    {
        RuleFor(x => x.Abbreviation).NotEmpty().WithMessage("Ange partiets förkortning.").MaximumLength(12).WithMessage("Förkortningen får ha högst 12 tecken.");
        RuleFor(x => x.Name).NotEmpty().WithMessage("Ange partiets namn.").MaximumLength(100).WithMessage("Namnet får ha högst 100 tecken.");
    }
}

/// <summary>Adds a local party to the managed list (the national ones are preloaded).</summary>
public sealed class AddPartyHandler(IAppDbContextFactory dbFactory, AccessService access, IValidator<AddParty> validator)
{
    public async Task<Result<Guid>> HandleAsync(AddParty request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await access.CanAsync(Operation.ManageRegister, null, null, cancellationToken))
        {
            return Error.Forbidden();
        }

        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Error.Validation(validation);
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var abbreviation = request.Abbreviation.Trim();
        var existing = await db.Parties.Select(p => p.Abbreviation).ToListAsync(cancellationToken);
        if (existing.Contains(abbreviation, StringComparer.OrdinalIgnoreCase))
        {
            return Error.Invalid($"Det finns redan ett parti med förkortningen {abbreviation}.");
        }

        var party = new Party(abbreviation, request.Name, isLocal: true);
        db.Parties.Add(party);
        return await db.SaveOrConflictAsync(party, party.Id, cancellationToken);
    }
}
