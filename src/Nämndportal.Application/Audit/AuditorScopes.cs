using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Organisation;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Audit;

namespace Nämndportal.Application.Audit;

/// <summary>
/// The revisors whose audit scope holds an organ (issue 13 point 6), kept by the administrator on the organ's page:
/// a revisor reads the organ's follow-up within it and changes nothing.
/// </summary>
public sealed class AuditorScopesHandler(IAppDbContextFactory dbFactory, AccessService access, IUserDirectory users)
{
    private const string AuditorSuffix = " (" + Roles.Auditor + ")";

    /// <summary>The revisors with the organ in their scope, and the revisors who could be added; empty for anyone but the administrator.</summary>
    public async Task<(IReadOnlyList<Lookup> InScope, IReadOnlyList<Lookup> Candidates)> ListAsync(Guid organId, CancellationToken cancellationToken = default)
    {
        if (!await access.CanAsync(Operation.ManageRegister, null, null, cancellationToken))
        {
            return ([], []);
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var inScope = await db.AuditorScopes.AsNoTracking().Where(s => s.OrganId == organId).Select(s => s.UserId).ToListAsync(cancellationToken);
        var auditors = (await users.StaffAsync(cancellationToken))
            .Where(s => s.Name.EndsWith(AuditorSuffix, StringComparison.Ordinal))
            .Select(s => new Lookup(s.Id, s.Name[..^AuditorSuffix.Length]))
            .ToList();
        return (auditors.Where(a => inScope.Contains(a.Id)).ToList(), auditors.Where(a => !inScope.Contains(a.Id)).ToList());
    }

    public async Task<Result<Guid>> AddAsync(Guid organId, Guid userId, CancellationToken cancellationToken = default)
    {
        if (!await access.CanAsync(Operation.ManageRegister, null, null, cancellationToken))
        {
            return Error.NotFound("Organet");
        }

        var (inScope, candidates) = await ListAsync(organId, cancellationToken);
        if (inScope.Any(a => a.Id == userId))
        {
            return Error.Invalid("Revisorn har redan organet i sitt granskningsområde.");
        }

        if (candidates.All(a => a.Id != userId))
        {
            return Error.Invalid("Välj en inloggning med rollen Revisor.");
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        if (!await db.Organs.AnyAsync(o => o.Id == organId, cancellationToken))
        {
            return Error.NotFound("Organet");
        }

        var scope = new AuditorScope(userId, organId);
        db.AuditorScopes.Add(scope);
        await db.SaveChangesAsync(cancellationToken);
        return Result<Guid>.Ok(scope.Id);
    }

    public async Task<Result<Guid>> RemoveAsync(Guid organId, Guid userId, CancellationToken cancellationToken = default)
    {
        if (!await access.CanAsync(Operation.ManageRegister, null, null, cancellationToken))
        {
            return Error.NotFound("Organet");
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var scope = await db.AuditorScopes.SingleOrDefaultAsync(s => s.OrganId == organId && s.UserId == userId, cancellationToken);
        if (scope is null)
        {
            return Error.NotFound("Granskningsområdet");
        }

        db.AuditorScopes.Remove(scope);
        await db.SaveChangesAsync(cancellationToken);
        return Result<Guid>.Ok(scope.Id);
    }
}

/// <summary>A responsible person typed or chosen from the staff list ("Hanna Handläggare (Handläggare)"): the name, and the login when it is one.</summary>
public static class StaffChoice
{
    public static (string Name, Guid? UserId) Resolve(IReadOnlyList<Lookup> staff, string? typed)
    {
        var text = (typed ?? string.Empty).Trim();
        var match = staff?.FirstOrDefault(s => string.Equals(s.Name, text, StringComparison.OrdinalIgnoreCase))
            ?? staff?.FirstOrDefault(s => s.Name.StartsWith(text + " (", StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            return (text, null);
        }

        var open = match.Name.LastIndexOf(" (", StringComparison.Ordinal);
        return (open > 0 ? match.Name[..open] : match.Name, match.Id);
    }
}
