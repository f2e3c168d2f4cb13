using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;

namespace Nämndportal.Application.Meetings;

/// <summary>Chooses what an item puts in the kallelse pack: the tjänsteskrivelse or not, and which of the case's handlingar in which order.</summary>
public sealed record SetAgendaItemDocuments(Guid MeetingId, uint Version, Guid ItemId, bool IncludeOfficerReport, IReadOnlyList<Guid> CaseDocumentIds);

public sealed class SetAgendaItemDocumentsValidator : AbstractValidator<SetAgendaItemDocuments>
{
    public SetAgendaItemDocumentsValidator()
    {
        RuleFor(x => x.CaseDocumentIds).NotNull().Must(ids => ids.Distinct().Count() == ids.Count)
            .WithMessage("Samma handling kan bara finnas en gång i punkten.");
    }
}

public sealed class SetAgendaItemDocumentsHandler(IAppDbContextFactory dbFactory, AccessService access, IValidator<SetAgendaItemDocuments> validator)
{
    public async Task<Result<uint>> HandleAsync(SetAgendaItemDocuments request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Error.Validation(validation);
        }

        return await AgendaEditing.EditAsync(dbFactory, access, request.MeetingId, request.Version, async (db, meeting) =>
        {
            var item = meeting.Items.SingleOrDefault(i => i.Id == request.ItemId);
            if (item is null)
            {
                return Error.Invalid("Punkten finns inte på föredragningslistan. Ladda om sidan.");
            }

            // Only the item's own case's handlingar: an id from another case would put its document in this pack.
            var ids = request.CaseDocumentIds.ToList();
            var ofCase = await db.CaseDocuments.Where(d => d.CaseId == item.CaseId && ids.Contains(d.Id)).CountAsync(cancellationToken);
            if (ofCase != ids.Count)
            {
                return Error.Invalid("En av handlingarna hör inte till punktens ärende.");
            }

            meeting.SetItemDocuments(request.ItemId, request.IncludeOfficerReport, ids);
            return null;
        }, cancellationToken);
    }
}
