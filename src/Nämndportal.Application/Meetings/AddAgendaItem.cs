using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Meetings;

namespace Nämndportal.Application.Meetings;

/// <summary>
/// Adds an item last on the agenda: a standard, information or election item with a title, or a decision item from a
/// case in "Klart för beslut" (<see cref="CaseId"/>), which takes the case's title and number and moves the case to
/// "På föredragningslista" in the same save.
/// </summary>
/// <remarks>
/// A decision item's pack starts as the tjänsteskrivelse (when the case has one) followed by the beslutsunderlag the
/// tjänsteskrivelse names, in its order; when it names none (or there is no tjänsteskrivelse), by all the case's
/// handlingar in number order. The secretary adjusts it afterwards.
/// </remarks>
public sealed record AddAgendaItem(Guid MeetingId, uint Version, AgendaItemKind Kind, string? Title = null, Guid? CaseId = null);

public sealed record AddedAgendaItem(Guid ItemId, uint Version);

public sealed class AddAgendaItemValidator : AbstractValidator<AddAgendaItem>
{
    public AddAgendaItemValidator()
    {
        RuleFor(x => x.CaseId).NotNull().When(x => x.Kind == AgendaItemKind.Decision).WithMessage("Välj ärendet som ska beslutas.");
        RuleFor(x => x.CaseId).Null().When(x => x.Kind != AgendaItemKind.Decision).WithMessage("Bara ett beslutsärende hör till ett ärende.");
        RuleFor(x => x.Title).NotEmpty().When(x => x.Kind != AgendaItemKind.Decision).WithMessage("Ange punktens rubrik.")
            .MaximumLength(300).WithMessage("Rubriken får ha högst 300 tecken.");
        RuleFor(x => x.Kind).IsInEnum();
    }
}

public sealed class AddAgendaItemHandler(
    IAppDbContextFactory dbFactory, AccessService access, IValidator<AddAgendaItem> validator, ICurrentUser user, TimeProvider clock)
{
    public async Task<Result<AddedAgendaItem>> HandleAsync(AddAgendaItem request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Error.Validation(validation);
        }

        AgendaItem? added = null;
        var saved = await AgendaEditing.EditAsync(dbFactory, access, request.MeetingId, request.Version, async (db, meeting) =>
        {
            if (request.CaseId is not { } caseId)
            {
                added = meeting.AddItem(request.Kind, request.Title!);
                return null;
            }

            var @case = await db.Cases.SingleOrDefaultAsync(c => c.Id == caseId && c.OrganId == meeting.OrganId, cancellationToken);
            if (@case is null)
            {
                return Error.NotFound("Ärendet");
            }

            if (@case.Status != CaseStatus.KlartForBeslut)
            {
                return Error.Invalid($"Ärendet {@case.Number} har status {CaseStatusNames.Name(@case.Status).ToLowerInvariant()}. Bara ärenden som är klara för beslut kan läggas på föredragningslistan.");
            }

            added = meeting.AddItem(AgendaItemKind.Decision, @case.Title, @case.Id, @case.Number);
            var (withReport, documents) = await DefaultPackAsync(db, caseId, cancellationToken);
            meeting.SetItemDocuments(added.Id, withReport, documents);
            db.MoveCase(@case, CaseStatus.PaForedragningslista, meeting.Id, clock.GetUtcNow(), user.UserName ?? "system");
            return null;
        }, cancellationToken);
        return saved.Succeeded ? Result<AddedAgendaItem>.Ok(new AddedAgendaItem(added!.Id, saved.Value)) : saved.Error!;
    }

    private static async Task<(bool WithReport, List<Guid> Documents)> DefaultPackAsync(IAppDbContext db, Guid caseId, CancellationToken cancellationToken)
    {
        var report = await db.OfficerReports.AsNoTracking().SingleOrDefaultAsync(r => r.CaseId == caseId, cancellationToken);
        var handlingar = await db.CaseDocuments.AsNoTracking().Where(d => d.CaseId == caseId).OrderBy(d => d.Ordinal).Select(d => d.Id).ToListAsync(cancellationToken);
        var named = report?.DecisionBasis.Where(handlingar.Contains).Distinct().ToList() ?? [];
        return (report is not null, named.Count > 0 ? named : handlingar);
    }
}
