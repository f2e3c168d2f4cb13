using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Reader;

namespace Nämndportal.Application.Reader;

/// <summary>
/// A member's new private note on an agenda item: on the item itself; on a page of the item's tjänsteskrivelse
/// (<see cref="OnOfficerReport"/>); or on a page of one of the item's handlingar, in the version the reader showed
/// (<see cref="DocumentVersionId"/>), with the selected text and its context when text was selected.
/// </summary>
public sealed record AddNote
{
    public Guid MeetingId { get; init; }
    public Guid AgendaItemId { get; init; }
    public Guid? DocumentVersionId { get; init; }
    public bool OnOfficerReport { get; init; }
    public int? Page { get; init; }
    public string? Quote { get; init; }
    public string? QuoteBefore { get; init; }
    public string? QuoteAfter { get; init; }
    public string Text { get; set; } = string.Empty;
}

public sealed class AddNoteValidator : AbstractValidator<AddNote>
{
    public AddNoteValidator()
    {
        RuleFor(x => x.Text).NotEmpty().WithMessage("Skriv något i anteckningen.")
            .MaximumLength(MemberNote.MaxTextLength).WithMessage("En anteckning får ha högst 4000 tecken.");
        RuleFor(x => x.Quote).MaximumLength(MemberNote.MaxQuoteLength).WithMessage("Det markerade stycket får ha högst 1000 tecken.");
        RuleFor(x => x.Page).NotNull().GreaterThanOrEqualTo(1).When(x => x.DocumentVersionId is not null || x.OnOfficerReport)
            .WithMessage("Ange vilken sida anteckningen gäller.");
        RuleFor(x => x.Page).Null().When(x => x.DocumentVersionId is null && !x.OnOfficerReport)
            .WithMessage("En anteckning på punkten har ingen sida.");
        RuleFor(x => x.OnOfficerReport).Equal(false).When(x => x.DocumentVersionId is not null)
            .WithMessage("En anteckning gäller antingen tjänsteskrivelsen eller en handling.");
    }
}

/// <summary>
/// Saves a note for the signed-in user, who must be able to read the meeting (and, for a note on a secret handling, that
/// handling). The note's text is never logged nor written to the audit trail (docs/security.md, "Private notes").
/// </summary>
public sealed class AddNoteHandler(
    IAppDbContextFactory dbFactory, AccessService access, IValidator<AddNote> validator, IUserDirectory users, TimeProvider clock)
{
    public async Task<Result<MemberNoteView>> HandleAsync(AddNote request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Error.Validation(validation);
        }

        var grants = await access.SnapshotAsync(cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var meeting = await db.ReadableMeetingAsync(grants, request.MeetingId, cancellationToken);
        var item = meeting?.Items.SingleOrDefault(i => i.Id == request.AgendaItemId);
        if (meeting is null || item is null || grants.UserId is not { } me)
        {
            return Error.NotFound("Sammanträdet");
        }

        var now = clock.GetUtcNow();
        MemberNote note;
        try
        {
            if (request.DocumentVersionId is { } versionId)
            {
                var version = await db.DocumentVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == versionId, cancellationToken);
                var onItem = version is not null && item.Documents.Any(d => d.CaseDocumentId == version.DocumentId);
                var secret = onItem && await db.CaseDocuments.AnyAsync(d => d.Id == version!.DocumentId && d.SecrecyProvision != null, cancellationToken);
                if (version is null || !onItem || (secret && !grants.CanReadSecretOn(meeting)))
                {
                    return Error.NotFound("Handlingen");
                }

                note = MemberNote.OnDocumentPage(
                    me, meeting.Id, item.Id, version.DocumentId, version.Id, request.Page!.Value, request.Quote, request.QuoteBefore, request.QuoteAfter, request.Text, now);
            }
            else if (request.OnOfficerReport)
            {
                if (!item.Documents.Any(d => d.IsOfficerReport))
                {
                    return Error.NotFound("Tjänsteskrivelsen");
                }

                note = MemberNote.OnOfficerReportPage(me, meeting.Id, item.Id, request.Page!.Value, request.Quote, request.QuoteBefore, request.QuoteAfter, request.Text, now);
            }
            else
            {
                note = MemberNote.OnItem(me, meeting.Id, item.Id, request.Text, now);
            }
        }
        catch (DomainException ex)
        {
            return Error.Invalid(ex.Message);
        }

        db.MemberNotes.Add(note);
        await db.SaveChangesAsync(cancellationToken);
        return Result<MemberNoteView>.Ok((await db.ViewsAsync(users, me, [note], cancellationToken))[0]);
    }
}
