using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Application.Organisation;

public sealed record SaveTerm
{
    public Guid? Id { get; init; }
    public uint Version { get; init; }
    public string Name { get; set; } = string.Empty;
    public DateTime? StartsOn { get; set; }
    public DateTime? EndsOn { get; set; }
}

public sealed class SaveTermValidator : AbstractValidator<SaveTerm>
{
    public SaveTermValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("Ange ett namn, till exempel 2027–2030.").MaximumLength(40).WithMessage("Namnet får ha högst 40 tecken.");
        RuleFor(x => x.StartsOn).NotNull().WithMessage("Ange startdatum.");
        RuleFor(x => x.EndsOn).NotNull().WithMessage("Ange slutdatum.")
            .GreaterThanOrEqualTo(x => x.StartsOn).When(x => x.StartsOn is not null).WithMessage("Mandatperioden kan inte sluta före den börjar.");
    }
}

/// <summary>Creates or edits a mandatperiod; terms may not overlap.</summary>
public sealed class SaveTermHandler(IAppDbContextFactory dbFactory, AccessService access, IValidator<SaveTerm> validator)
{
    public async Task<Result<Guid>> HandleAsync(SaveTerm request, CancellationToken cancellationToken = default)
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

        var start = DateOnly.FromDateTime(request.StartsOn!.Value);
        var end = DateOnly.FromDateTime(request.EndsOn!.Value);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var others = await db.Terms.Where(t => t.Id != request.Id).ToListAsync(cancellationToken);
        if (others.FirstOrDefault(t => t.Overlaps(start, end)) is { } clash)
        {
            return Error.Invalid($"Mandatperioden överlappar {clash.Name}.");
        }

        if (others.Any(t => t.Name == request.Name.Trim()))
        {
            return Error.Invalid("Det finns redan en mandatperiod med det namnet.");
        }

        try
        {
            Term term;
            if (request.Id is { } id)
            {
                term = await db.Terms.SingleOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw new DomainException("Mandatperioden finns inte längre.");
                db.SetOriginalVersion(term, request.Version);
                term.Update(request.Name, start, end);
            }
            else
            {
                term = new Term(request.Name, start, end);
                db.Terms.Add(term);
            }

            return await db.SaveOrConflictAsync(term, term.Id, cancellationToken);
        }
        catch (DomainException ex)
        {
            return Error.Invalid(ex.Message);
        }
    }
}
