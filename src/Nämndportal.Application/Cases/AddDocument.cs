using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nämndportal.Application.Common;
using Nämndportal.Application.Jobs;
using Nämndportal.Application.Pdf;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Common;

namespace Nämndportal.Application.Cases;

/// <summary>
/// Add a handling to a case with its first version: inkommen or upprättad, date, sender or recipient and a short
/// description (OSL 5:2), optionally hidden from public view, optionally marked secret at once. The file is checked by
/// its bytes and stored under its SHA-256; a non-PDF file gets its PDF rendition in a background job.
/// </summary>
public sealed record AddDocument
{
    public Guid CaseId { get; set; }
    public DocumentDirection Direction { get; set; } = DocumentDirection.Inkommen;
    public DateOnly? DocumentDate { get; set; }
    public string? Counterpart { get; set; }
    public string Description { get; set; } = string.Empty;
    public bool HideCounterpartPublicly { get; set; }
    public bool HideDescriptionPublicly { get; set; }

    /// <summary>An OSL provision ("OSL 26 kap. 1 §") to mark the handling secret at once; empty for none.</summary>
    public string? SecrecyProvision { get; set; }

    public string FileName { get; set; } = string.Empty;

#pragma warning disable CA1819 // The uploaded bytes, handed over once.
    public byte[] Content { get; set; } = [];
#pragma warning restore CA1819
}

public sealed record AddedDocument(Guid DocumentId, int Ordinal, Guid VersionId);

public sealed class AddDocumentValidator : AbstractValidator<AddDocument>
{
    public AddDocumentValidator()
    {
        RuleFor(x => x.CaseId).NotEmpty().WithMessage("Välj ärende.");
        RuleFor(x => x.DocumentDate).NotNull().WithMessage("Ange handlingens datum.");
        RuleFor(x => x.Counterpart).MaximumLength(300).WithMessage("Avsändare eller mottagare får ha högst 300 tecken.");
        RuleFor(x => x.Description).NotEmpty().WithMessage("Ange en kort beskrivning av handlingen.")
            .MaximumLength(1000).WithMessage("Beskrivningen får ha högst 1000 tecken.");
        RuleFor(x => x.SecrecyProvision)
            .Must(p => string.IsNullOrWhiteSpace(p) || CaseDocument.NormaliseProvision(p) is not null)
            .WithMessage("Ange sekretessbestämmelsen i OSL, till exempel ”OSL 26 kap. 1 §”.");
        RuleFor(x => x.FileName).NotEmpty().WithMessage("Välj en fil.");
    }
}

public sealed class AddDocumentHandler(
    IAppDbContextFactory dbFactory,
    AccessService access,
    IValidator<AddDocument> validator,
    IPdfReader pdf,
    IJobScheduler jobs,
    IUserDirectory users,
    ICurrentUser user,
    IOptions<DocumentOptions> options,
    TimeProvider clock)
{
    public async Task<Result<AddedDocument>> HandleAsync(AddDocument request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grants = await access.SnapshotAsync(cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var @case = await db.FindCaseAsync(grants, request.CaseId, cancellationToken, Operation.PrepareCase);
        if (@case is null)
        {
            return Error.NotFound("Ärendet");
        }

        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Error.Validation(validation);
        }

        var checkedFile = DocumentFiles.Check(request.FileName, request.Content, options.Value.MaxUploadBytes, pdf);
        if (checkedFile.Value is not { } file)
        {
            return checkedFile.Error!;
        }

        var markedBy = string.IsNullOrWhiteSpace(request.SecrecyProvision) ? null : await DocumentFiles.MarkerNameAsync(users, user, cancellationToken);
        var now = clock.GetUtcNow();
        var actor = user.UserName ?? "system";
        try
        {
            // One transaction for the bytes, the handling, its first version and the timeline line, under the case's
            // lock: two uploads at once get consecutive numbers and see each other's checksums.
            await using var transaction = await db.BeginTransactionAsync(cancellationToken);
            await db.LockCaseDocumentsAsync(@case.Id, cancellationToken);
            if (await DocumentFiles.DuplicateAsync(db, @case, grants, file.Sha256, cancellationToken) is { } duplicate)
            {
                return duplicate;
            }

            var ordinal = (await db.CaseDocuments.Where(d => d.CaseId == @case.Id).MaxAsync(d => (int?)d.Ordinal, cancellationToken) ?? 0) + 1;
            var document = new CaseDocument(@case.Id, ordinal, request.Direction, request.DocumentDate!.Value, request.Counterpart, request.Description);
            document.SetPublicHiding(request.HideCounterpartPublicly, request.HideDescriptionPublicly);
            if (markedBy is not null)
            {
                document.MarkSecret(request.SecrecyProvision!, SwedishTime.LocalDate(now), user.UserId, markedBy);
            }

            await db.StoreFileBlobAsync(request.Content, cancellationToken);
            var version = new DocumentVersion(@case.Id, document.Id, 1, file.FileName, file.Kind, file.ContentType, request.Content.LongLength, file.Sha256);
            if (file.PageCount is { } pages)
            {
                version.SetPageCount(pages);
            }

            db.CaseDocuments.Add(document);
            db.DocumentVersions.Add(version);
            db.CaseEvents.Add(CaseEvent.DocumentAdded(@case.Id, now, actor, document.Id, ordinal));
            if (document.IsSecret)
            {
                db.CaseEvents.Add(CaseEvent.SecrecyChanged(@case.Id, now, actor, document.Id, ordinal, secret: true));
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            DocumentFiles.StartBackgroundWork(jobs, version);
            return Result<AddedDocument>.Ok(new AddedDocument(document.Id, ordinal, version.Id));
        }
        catch (DomainException ex)
        {
            return Error.Invalid(ex.Message);
        }
    }
}
