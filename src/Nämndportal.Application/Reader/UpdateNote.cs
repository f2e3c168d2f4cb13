using FluentValidation;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Reader;

namespace Nämndportal.Application.Reader;

/// <summary>The author changes the text of their note, saved against the version they loaded it with.</summary>
public sealed record UpdateNote
{
    public Guid NoteId { get; init; }
    public uint Version { get; init; }
    public string Text { get; set; } = string.Empty;
}

public sealed class UpdateNoteValidator : AbstractValidator<UpdateNote>
{
    public UpdateNoteValidator()
    {
        RuleFor(x => x.Text).NotEmpty().WithMessage("Skriv något i anteckningen.")
            .MaximumLength(MemberNote.MaxTextLength).WithMessage("En anteckning får ha högst 4000 tecken.");
    }
}

/// <summary>Only the author changes a note; to anyone else (administrators included) it does not exist. Returns the note's new version.</summary>
public sealed class UpdateNoteHandler(IAppDbContextFactory dbFactory, AccessService access, IValidator<UpdateNote> validator, TimeProvider clock)
{
    public async Task<Result<uint>> HandleAsync(UpdateNote request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Error.Validation(validation);
        }

        var grants = await access.SnapshotAsync(cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        if (await db.OwnNoteAsync(grants, request.NoteId, track: true, cancellationToken) is not { } note)
        {
            return ReaderAccess.NoteNotFound();
        }

        db.SetOriginalVersion(note, request.Version);
        try
        {
            note.Edit(request.Text, clock.GetUtcNow());
        }
        catch (DomainException ex)
        {
            return Error.Invalid(ex.Message);
        }

        var saved = await db.SaveOrConflictAsync(note, 0u, cancellationToken);
        return saved.Succeeded ? Result<uint>.Ok(note.Version) : saved.Error!;
    }
}
