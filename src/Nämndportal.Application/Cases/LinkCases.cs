using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Common;

namespace Nämndportal.Application.Cases;

/// <summary>Link a case to a related one, named by its diarienummer. The link shows on both cases.</summary>
public sealed record LinkCases(Guid CaseId, string OtherNumber, string? Note);

public sealed class LinkCasesHandler(IAppDbContextFactory dbFactory, AccessService access, ICurrentUser user, TimeProvider clock)
{
    public async Task<Result<Guid>> HandleAsync(LinkCases request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grants = await access.SnapshotAsync(cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var @case = await db.FindCaseAsync(grants, request.CaseId, cancellationToken);
        if (@case is null)
        {
            return Error.NotFound("Ärendet");
        }

        if (!grants.Can(Operation.PrepareCase, @case.OrganId))
        {
            return Error.Forbidden();
        }

        var number = (request.OtherNumber ?? string.Empty).Trim();
        if (number.Length == 0)
        {
            return Error.Invalid("Ange diarienumret på ärendet som ska länkas.");
        }

        if (request.Note is { Length: > 300 })
        {
            return Error.Invalid("Kommentaren får ha högst 300 tecken.");
        }

        // Prefixes are written in capitals; a number typed in lower case still finds its case.
        var upper = number.ToUpperInvariant();
        var other = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Number == number, cancellationToken)
            ?? await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Number == upper, cancellationToken);
        if (other is null || !grants.Can(Operation.ReadCase, other.OrganId))
        {
            return Error.Invalid($"Det finns inget ärende med diarienummer {number} som du har behörighet till.");
        }

        if (other.Id == @case.Id)
        {
            return Error.Invalid("Ett ärende kan inte länkas till sig självt.");
        }

        if (await db.CaseLinks.AnyAsync(l => (l.FirstCaseId == @case.Id && l.SecondCaseId == other.Id) || (l.FirstCaseId == other.Id && l.SecondCaseId == @case.Id), cancellationToken))
        {
            return Error.Invalid($"Ärendet är redan länkat till {other.Number}.");
        }

        try
        {
            var link = new CaseLink(@case.Id, other.Id, request.Note);
            db.CaseLinks.Add(link);
            var now = clock.GetUtcNow();
            var who = user.UserName ?? "system";
            db.CaseEvents.Add(CaseEvent.Linked(@case.Id, now, who, other.Id, linked: true));
            db.CaseEvents.Add(CaseEvent.Linked(other.Id, now, who, @case.Id, linked: true));
            return await db.SaveOrConflictAsync(link, link.Id, cancellationToken);
        }
        catch (DomainException ex)
        {
            return Error.Invalid(ex.Message);
        }
    }
}
