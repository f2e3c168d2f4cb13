using FluentValidation;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;

namespace Nämndportal.Application.Meetings;

/// <summary>Puts the whole agenda in a new order (drag and drop). The list names every item once.</summary>
public sealed record ReorderAgenda(Guid MeetingId, uint Version, IReadOnlyList<Guid> ItemIds);

public sealed class ReorderAgendaValidator : AbstractValidator<ReorderAgenda>
{
    public ReorderAgendaValidator()
    {
        RuleFor(x => x.ItemIds).NotNull().Must(ids => ids.Count <= 200).WithMessage("En föredragningslista kan ha högst 200 punkter.");
    }
}

public sealed class ReorderAgendaHandler(IAppDbContextFactory dbFactory, AccessService access, IValidator<ReorderAgenda> validator)
{
    public async Task<Result<uint>> HandleAsync(ReorderAgenda request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Error.Validation(validation);
        }

        return await AgendaEditing.EditAsync(dbFactory, access, request.MeetingId, request.Version, (_, meeting) =>
        {
            meeting.Reorder(request.ItemIds);
            return Task.FromResult<Error?>(null);
        }, cancellationToken);
    }
}
