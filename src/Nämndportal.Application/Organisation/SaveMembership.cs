using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Application.Organisation;

/// <summary>Create (Id null) or change a membership. The organ's rules are checked against its other memberships.</summary>
public sealed record SaveMembership
{
    public Guid? Id { get; init; }
    public uint Version { get; init; }
    public Guid OrganId { get; set; }
    public Guid? PersonId { get; set; }
    public Guid? TermId { get; set; }
    public MembershipRole Role { get; set; } = MembershipRole.Ledamot;
    public Guid? PartyId { get; set; }
    public DateTime? ValidFrom { get; set; }
    public DateTime? ValidTo { get; set; }
    public int? CallInOrder { get; set; }
    public Guid? PersonalSubstituteFor { get; set; }
    public Guid? Replaces { get; set; }

    public static SaveMembership From(Guid organId, RosterRow row, Guid? termId, Guid? partyId, Guid? personalSubstituteFor, Guid? replaces)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new SaveMembership
        {
            Id = row.MembershipId, Version = row.Version, OrganId = organId, PersonId = row.PersonId, TermId = termId, Role = row.Role,
            PartyId = partyId, ValidFrom = row.ValidFrom.ToDateTime(TimeOnly.MinValue), ValidTo = row.ValidTo?.ToDateTime(TimeOnly.MinValue),
            CallInOrder = row.CallInOrder, PersonalSubstituteFor = personalSubstituteFor, Replaces = replaces,
        };
    }
}

public sealed class SaveMembershipValidator : AbstractValidator<SaveMembership>
{
    public SaveMembershipValidator()
    {
        RuleFor(x => x.PersonId).NotNull().WithMessage("Välj person.");
        RuleFor(x => x.ValidFrom).NotNull().WithMessage("Ange startdatum.");
        RuleFor(x => x.ValidTo).GreaterThanOrEqualTo(x => x.ValidFrom).When(x => x.ValidFrom is not null && x.ValidTo is not null)
            .WithMessage("Slutdatum kan inte ligga före startdatum.");
        RuleFor(x => x.CallInOrder).Null().When(x => x.Role != MembershipRole.Ersattare).WithMessage("Inkallelseordning gäller bara ersättare.");
        RuleFor(x => x.CallInOrder).GreaterThanOrEqualTo(1).When(x => x.CallInOrder is not null).WithMessage("Inkallelseordningen börjar på 1.");
        RuleFor(x => x.PersonalSubstituteFor).Null().When(x => x.Role != MembershipRole.Ersattare).WithMessage("Bara en ersättare kan vara personlig ersättare.");
    }
}

public sealed class SaveMembershipHandler(IAppDbContextFactory dbFactory, AccessService access, IValidator<SaveMembership> validator)
{
    public async Task<Result<Guid>> HandleAsync(SaveMembership request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await access.CanAsync(Operation.ManageOrgan, request.OrganId, null, cancellationToken))
        {
            return Error.Forbidden();
        }

        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Error.Validation(validation);
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var person = await db.Persons.AsNoTracking().SingleOrDefaultAsync(p => p.Id == request.PersonId, cancellationToken);
        if (person is null)
        {
            return Error.Invalid("Personen finns inte.");
        }

        // The roster is read, checked and saved under the organ's lock, so two saves at once cannot both pass the rules.
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        await db.LockOrganRosterAsync(request.OrganId, cancellationToken);
        var organMemberships = await db.Memberships.Where(m => m.OrganId == request.OrganId).ToListAsync(cancellationToken);
        var from = DateOnly.FromDateTime(request.ValidFrom!.Value);
        // Without a chosen term, the membership belongs to the term its first day falls in.
        var term = request.TermId is { } termId
            ? await db.Terms.AsNoTracking().SingleOrDefaultAsync(t => t.Id == termId, cancellationToken)
            : (await db.Terms.AsNoTracking().ToListAsync(cancellationToken)).FirstOrDefault(t => t.Contains(from));
        var to = request.ValidTo is { } end ? DateOnly.FromDateTime(end) : term?.EndsOn;
        var partyId = request.PartyId ?? person.PartyId;

        try
        {
            Membership membership;
            if (request.Id is { } id)
            {
                membership = organMemberships.SingleOrDefault(m => m.Id == id) ?? throw new DomainException("Uppdraget finns inte längre.");
                if (membership.PersonId != request.PersonId)
                {
                    return Error.Invalid("Ett uppdrag kan inte flyttas till en annan person; avsluta det och lägg upp ett nytt.");
                }

                db.SetOriginalVersion(membership, request.Version);
                membership.Change(request.Role, from, to, term?.Id, partyId, request.CallInOrder, request.PersonalSubstituteFor, request.Replaces);
            }
            else
            {
                membership = new Membership(person.Id, request.OrganId, request.Role, from, to, term?.Id, partyId, request.CallInOrder, request.PersonalSubstituteFor, request.Replaces);
                db.Memberships.Add(membership);
            }

            var problems = MembershipRules.Check(membership, organMemberships, term);
            if (problems.Count > 0)
            {
                return Error.Invalid(string.Join(" ", problems));
            }

            var saved = await db.SaveOrConflictAsync(membership, membership.Id, cancellationToken);
            if (saved.Succeeded)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return saved;
        }
        catch (DomainException ex)
        {
            return Error.Invalid(ex.Message);
        }
    }
}
