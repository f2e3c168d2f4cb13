using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Common;

namespace Nämndportal.Application.Cases;

/// <summary>
/// Register an ärende. The diarienummer is taken from the organ's series for its prefix and the registration year,
/// or, for an older case brought in, typed by hand in the organ's pattern (the series then moves on past it).
/// </summary>
public sealed record RegisterCase
{
    public Guid OrganId { get; set; }
    public string Title { get; set; } = string.Empty;
    public Guid? CaseOfficerUserId { get; set; }
    public string? NumberTypedByHand { get; set; }
}

public sealed record RegisteredCase(Guid Id, string Number);

public sealed class RegisterCaseValidator : AbstractValidator<RegisterCase>
{
    public RegisterCaseValidator()
    {
        RuleFor(x => x.OrganId).NotEmpty().WithMessage("Välj organ.");
        RuleFor(x => x.Title).NotEmpty().WithMessage("Ange ärendemening.").MaximumLength(500).WithMessage("Ärendemeningen får ha högst 500 tecken.");
    }
}

public sealed class RegisterCaseHandler(IAppDbContextFactory dbFactory, AccessService access, IValidator<RegisterCase> validator, ICurrentUser user, TimeProvider clock)
{
    public async Task<Result<RegisteredCase>> HandleAsync(RegisterCase request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await access.CanAsync(Operation.RegisterCase, request.OrganId, null, cancellationToken))
        {
            return Error.Forbidden();
        }

        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Error.Validation(validation);
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var organ = await db.Organs.AsNoTracking().SingleOrDefaultAsync(o => o.Id == request.OrganId, cancellationToken);
        if (organ is null)
        {
            return Error.NotFound("Organet");
        }

        if (request.CaseOfficerUserId is { } officer
            && !await db.OrganOfficials.AnyAsync(o => o.OrganId == organ.Id && o.UserId == officer, cancellationToken))
        {
            return Error.Invalid("Den valda handläggaren är inte knuten till organet.");
        }

        var today = SwedishTime.LocalDate(clock.GetUtcNow());
        var format = CaseNumberFormat.Parse(organ.CaseNumberPattern);
        int year, sequence;
        string? classification = null;
        if (!string.IsNullOrWhiteSpace(request.NumberTypedByHand))
        {
            if (!format.TryRead(request.NumberTypedByHand, organ.CaseNumberPrefix, out year, out sequence, out classification))
            {
                return Error.Invalid($"Diarienumret ”{request.NumberTypedByHand.Trim()}” följer inte organets mönster, till exempel {format.Format(organ.CaseNumberPrefix, today.Year, 12)}.");
            }

            if (await db.Cases.AnyAsync(c => c.Prefix == organ.CaseNumberPrefix && c.Year == year && c.Sequence == sequence, cancellationToken))
            {
                return Error.Invalid($"Diarienumret {format.Format(organ.CaseNumberPrefix, year, sequence)} finns redan och kan inte användas igen.");
            }
        }
        else
        {
            year = today.Year;
            sequence = 0;
        }

        try
        {
            // The number and the case are written in one transaction: a number is only ever given out with its case.
            await using var transaction = await db.BeginTransactionAsync(cancellationToken);
            if (sequence == 0)
            {
                sequence = await db.NextCaseSequenceAsync(organ.CaseNumberPrefix, year, null, cancellationToken);
            }
            else
            {
                await db.NextCaseSequenceAsync(organ.CaseNumberPrefix, year, sequence, cancellationToken);
            }

            var @case = new Case(organ.Id, organ.CaseNumberPrefix, year, sequence, format.Format(organ.CaseNumberPrefix, year, sequence, classification),
                request.Title, today, request.CaseOfficerUserId);
            db.Cases.Add(@case);
            db.CaseEvents.Add(CaseEvent.Registered(@case.Id, clock.GetUtcNow(), user.UserName ?? "system"));
            var saved = await db.SaveOrConflictAsync(@case, new RegisteredCase(@case.Id, @case.Number), cancellationToken);
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

    /// <summary>
    /// Registers a case with the next number of the organ's series, inside the caller's transaction (so the number is only
    /// ever given out with its case and whatever the caller saves with it): the answer to a granskningsrapport uses it.
    /// </summary>
    internal static async Task<Case> NewCaseAsync(
        IAppDbContext db, Domain.Organisation.Organ organ, string title, DateOnly today, DateTimeOffset now, string actor, CancellationToken cancellationToken)
    {
        var format = CaseNumberFormat.Parse(organ.CaseNumberPattern);
        var sequence = await db.NextCaseSequenceAsync(organ.CaseNumberPrefix, today.Year, null, cancellationToken);
        var @case = new Case(organ.Id, organ.CaseNumberPrefix, today.Year, sequence, format.Format(organ.CaseNumberPrefix, today.Year, sequence, null), title, today, null);
        db.Cases.Add(@case);
        db.CaseEvents.Add(CaseEvent.Registered(@case.Id, now, actor));
        return @case;
    }
}
