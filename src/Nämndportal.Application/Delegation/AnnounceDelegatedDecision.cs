using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.NoticeBoard;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.NoticeBoard;

namespace Nämndportal.Application.Delegation;

/// <summary>
/// KL 8:10, rule 20: an appealable delegationsbeslut whose point does not ask for it to be reported gets its own anslag,
/// up today, and its appeal time runs from it. Refused for a decision that is reported, not appealable, an individual
/// case (it is served on the person instead) or already announced.
/// </summary>
public sealed record AnnounceDelegatedDecision(Guid DecisionId, uint Version);

public sealed class AnnounceDelegatedDecisionHandler(IAppDbContextFactory dbFactory, AccessService access, ICurrentUser user, TimeProvider clock,
    IPublicPageCache publicPages)
{
    public async Task<Result<Guid>> HandleAsync(AnnounceDelegatedDecision request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grants = await access.SnapshotAsync(cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var decision = await db.DelegatedDecisions.SingleOrDefaultAsync(d => d.Id == request.DecisionId, cancellationToken);
        if (decision is null || !grants.Can(Operation.RegisterDelegatedDecisions, decision.OrganId))
        {
            return Error.NotFound("Beslutet");
        }

        var organName = await db.Organs.Where(o => o.Id == decision.OrganId).Select(o => o.Name).SingleAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var today = SwedishTime.LocalDate(now);
        db.SetOriginalVersion(decision, request.Version);
        try
        {
            var posting = Posting.ForDelegatedDecision(
                decision.OrganId, organName, decision.NumberText, decision.DecidedAs.Name, decision.DecidedOn, decision.Description, today, now,
                user.UserName ?? "okänd");
            decision.AnnounceOnItsOwn(posting.Id, today);
            db.Postings.Add(posting);
        }
        catch (DomainException ex)
        {
            return Error.Invalid(ex.Message);
        }

        var saved = await db.SaveOrConflictAsync(decision, 0u, cancellationToken);
        if (saved.Succeeded)
        {
            await publicPages.EvictAsync(cancellationToken);
        }

        return saved.Succeeded ? Result<Guid>.Ok(decision.PostingId!.Value) : saved.Error!;
    }
}
