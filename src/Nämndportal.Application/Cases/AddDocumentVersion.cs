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
/// Add a new version of a handling's file. The earlier versions stay exactly as they were (bytes and checksum); the
/// new one gets the next number, its own SHA-256 and, if it is not a PDF, its own rendition.
/// </summary>
public sealed record AddDocumentVersion
{
    public Guid DocumentId { get; set; }

    public string FileName { get; set; } = string.Empty;

#pragma warning disable CA1819 // The uploaded bytes, handed over once.
    public byte[] Content { get; set; } = [];
#pragma warning restore CA1819
}

public sealed record AddedDocumentVersion(Guid VersionId, int Number);

public sealed class AddDocumentVersionValidator : AbstractValidator<AddDocumentVersion>
{
    public AddDocumentVersionValidator()
    {
        RuleFor(x => x.DocumentId).NotEmpty().WithMessage("Välj handling.");
        RuleFor(x => x.FileName).NotEmpty().WithMessage("Välj en fil.");
    }
}

public sealed class AddDocumentVersionHandler(
    IAppDbContextFactory dbFactory,
    AccessService access,
    IValidator<AddDocumentVersion> validator,
    IPdfReader pdf,
    IJobScheduler jobs,
    ICurrentUser user,
    IOptions<DocumentOptions> options,
    TimeProvider clock)
{
    public async Task<Result<AddedDocumentVersion>> HandleAsync(AddDocumentVersion request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grants = await access.SnapshotAsync(cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        if (await DocumentFiles.FindAsync(db, grants, request.DocumentId, Operation.PrepareCase, track: false, cancellationToken) is not { } found)
        {
            return Error.NotFound("Handlingen");
        }

        var (document, @case) = found;

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

        try
        {
            await using var transaction = await db.BeginTransactionAsync(cancellationToken);
            await db.LockCaseDocumentsAsync(@case.Id, cancellationToken);
            if (await DocumentFiles.DuplicateAsync(db, @case, grants, file.Sha256, cancellationToken) is { } duplicate)
            {
                return duplicate;
            }

            var number = (await db.DocumentVersions.Where(v => v.DocumentId == document.Id).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0) + 1;
            await db.StoreFileBlobAsync(request.Content, cancellationToken);
            var version = new DocumentVersion(@case.Id, document.Id, number, file.FileName, file.Kind, file.ContentType, request.Content.LongLength, file.Sha256);
            if (file.PageCount is { } pages)
            {
                version.SetPageCount(pages);
            }

            db.DocumentVersions.Add(version);
            db.CaseEvents.Add(CaseEvent.VersionAdded(@case.Id, clock.GetUtcNow(), user.UserName ?? "system", document.Id, document.Ordinal, number));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            DocumentFiles.StartBackgroundWork(jobs, version);
            return Result<AddedDocumentVersion>.Ok(new AddedDocumentVersion(version.Id, number));
        }
        catch (DomainException ex)
        {
            return Error.Invalid(ex.Message);
        }
    }
}
