using Nämndportal.Application.Common;
using Nämndportal.Application.Security;

namespace Nämndportal.Application.Meetings;

/// <summary>Moves one item to a number on the agenda (1 first): the keyboard's "Flytta upp" and "Flytta ned".</summary>
public sealed record MoveAgendaItem(Guid MeetingId, uint Version, Guid ItemId, int Position);

public sealed class MoveAgendaItemHandler(IAppDbContextFactory dbFactory, AccessService access)
{
    public async Task<Result<uint>> HandleAsync(MoveAgendaItem request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await AgendaEditing.EditAsync(dbFactory, access, request.MeetingId, request.Version, (_, meeting) =>
        {
            meeting.MoveItem(request.ItemId, request.Position);
            return Task.FromResult<Error?>(null);
        }, cancellationToken);
    }
}
