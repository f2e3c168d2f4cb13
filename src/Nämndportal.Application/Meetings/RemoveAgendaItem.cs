using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Cases;

namespace Nämndportal.Application.Meetings;

/// <summary>
/// Takes an item off the agenda; a decision item's case goes back to "Klart för beslut", and a report item's
/// delegationsbeslut or meddelanden are released for a later meeting, in the same save.
/// </summary>
public sealed record RemoveAgendaItem(Guid MeetingId, uint Version, Guid ItemId);

public sealed class RemoveAgendaItemHandler(IAppDbContextFactory dbFactory, AccessService access, ICurrentUser user, TimeProvider clock)
{
    public async Task<Result<uint>> HandleAsync(RemoveAgendaItem request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await AgendaEditing.EditAsync(dbFactory, access, request.MeetingId, request.Version, async (db, meeting) =>
        {
            var removed = meeting.RemoveItem(request.ItemId);
            await Delegation.SetAgendaReportHandler.ReleaseAsync(db, meeting, removed.Report, cancellationToken);
            if (removed.CaseId is { } caseId
                && await db.Cases.SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken) is { Status: CaseStatus.PaForedragningslista } @case)
            {
                db.MoveCase(@case, CaseStatus.KlartForBeslut, meeting.Id, clock.GetUtcNow(), user.UserName ?? "system");
            }

            return null;
        }, cancellationToken);
    }
}
