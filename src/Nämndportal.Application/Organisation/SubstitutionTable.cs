using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Application.Organisation;

public sealed record SubstitutionRow(Guid Id, string AbsentParty, int Position, string SubstituteParty);

public sealed record AddSubstitutionRule(Guid OrganId, Guid AbsentPartyId, Guid SubstitutePartyId);

/// <summary>
/// The organ's ersättartabell (domain rule 5): for an absent ledamot of a party, which other parties' ersättare
/// are called, in order, when the party's own are used up.
/// </summary>
public sealed class SubstitutionTableHandler(IAppDbContextFactory dbFactory, AccessService access)
{
    public async Task<Result<IReadOnlyList<SubstitutionRow>>> ListAsync(Guid organId, CancellationToken cancellationToken = default)
    {
        if (!await access.CanAsync(Operation.ViewRoster, organId, null, cancellationToken))
        {
            return Error.NotFound("Organet");
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var parties = await db.Parties.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Abbreviation, cancellationToken);
        var rules = await db.SubstitutionRules.AsNoTracking().Where(r => r.OrganId == organId).ToListAsync(cancellationToken);
        return Result<IReadOnlyList<SubstitutionRow>>.Ok(rules
            .OrderBy(r => parties[r.AbsentPartyId]).ThenBy(r => r.Position)
            .Select(r => new SubstitutionRow(r.Id, parties[r.AbsentPartyId], r.Position, parties[r.SubstitutePartyId]))
            .ToList());
    }

    /// <summary>Adds a line at the end of the absent party's list.</summary>
    public async Task<Result<Guid>> AddAsync(AddSubstitutionRule request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await access.CanAsync(Operation.ManageOrgan, request.OrganId, null, cancellationToken))
        {
            return Error.Forbidden();
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var existing = await db.SubstitutionRules.Where(r => r.OrganId == request.OrganId && r.AbsentPartyId == request.AbsentPartyId).ToListAsync(cancellationToken);
        if (existing.Any(r => r.SubstitutePartyId == request.SubstitutePartyId))
        {
            return Error.Invalid("Partiet står redan i tabellen för det frånvarande partiet.");
        }

        try
        {
            var rule = new SubstitutionRule(request.OrganId, request.AbsentPartyId, existing.Select(r => r.Position).DefaultIfEmpty(0).Max() + 1, request.SubstitutePartyId);
            db.SubstitutionRules.Add(rule);
            return await db.SaveOrConflictAsync(rule, rule.Id, cancellationToken);
        }
        catch (DomainException ex)
        {
            return Error.Invalid(ex.Message);
        }
    }

    public async Task<Result<Guid>> RemoveAsync(Guid ruleId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var rule = await db.SubstitutionRules.SingleOrDefaultAsync(r => r.Id == ruleId, cancellationToken);
        if (rule is null || !await access.CanAsync(Operation.ManageOrgan, rule.OrganId, null, cancellationToken))
        {
            return Error.NotFound("Raden");
        }

        db.SubstitutionRules.Remove(rule);
        await db.SaveChangesAsync(cancellationToken);
        return Result<Guid>.Ok(rule.Id);
    }
}
