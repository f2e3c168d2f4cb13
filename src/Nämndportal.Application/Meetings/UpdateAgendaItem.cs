using FluentValidation;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;

namespace Nämndportal.Application.Meetings;

/// <summary>Changes one item's title, public title, föredragande, planned time and whether it is handled behind closed doors.</summary>
public sealed record UpdateAgendaItem
{
    public Guid MeetingId { get; init; }
    public uint Version { get; init; }
    public Guid ItemId { get; init; }
    public string Title { get; set; } = string.Empty;
    public string? PublicTitle { get; set; }
    public string? Presenter { get; set; }
    public TimeOnly? PlannedTime { get; set; }
    public bool IsClosed { get; set; }
}

public sealed class UpdateAgendaItemValidator : AbstractValidator<UpdateAgendaItem>
{
    public UpdateAgendaItemValidator()
    {
        RuleFor(x => x.Title).NotEmpty().WithMessage("Ange punktens rubrik.").MaximumLength(300).WithMessage("Rubriken får ha högst 300 tecken.");
        RuleFor(x => x.PublicTitle).MaximumLength(300).WithMessage("Den offentliga rubriken får ha högst 300 tecken.");
        RuleFor(x => x.PublicTitle)
            .Must((request, publicTitle) => !request.IsClosed || string.IsNullOrWhiteSpace(publicTitle)
                || !string.Equals(publicTitle.Trim(), request.Title.Trim(), StringComparison.OrdinalIgnoreCase))
            .WithMessage("En punkt som behandlas inom stängda dörrar ska ha en neutral offentlig rubrik, inte ärendets rubrik.");
        RuleFor(x => x.Presenter).MaximumLength(200).WithMessage("Föredragande får ha högst 200 tecken.");
    }
}

public sealed class UpdateAgendaItemHandler(IAppDbContextFactory dbFactory, AccessService access, IValidator<UpdateAgendaItem> validator)
{
    public async Task<Result<uint>> HandleAsync(UpdateAgendaItem request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Error.Validation(validation);
        }

        return await AgendaEditing.EditAsync(dbFactory, access, request.MeetingId, request.Version, (_, meeting) =>
        {
            meeting.UpdateItem(request.ItemId, request.Title, request.PublicTitle, request.Presenter, request.PlannedTime, request.IsClosed);
            return Task.FromResult<Error?>(null);
        }, cancellationToken);
    }
}
