using FluentValidation;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Common;

namespace Nämndportal.Application.Cases;

/// <summary>
/// Sekretessmarkera a handling (OSL 5:5): the provision, today's date and who marked it. From then on only those
/// entitled to the case's secret material see it at all.
/// </summary>
public sealed record MarkDocumentSecret
{
    public Guid DocumentId { get; set; }

    /// <summary>The OSL provision as typed ("26 kap 1 §", "OSL 26:1"); stored as "OSL 26 kap. 1 §".</summary>
    public string Provision { get; set; } = string.Empty;

    /// <summary>The handling's version (xmin) as the user saw it; 0 skips the check.</summary>
    public uint Version { get; set; }
}

public sealed record SecrecyMarking(string Provision, DateOnly MarkedOn, string MarkedBy);

public sealed class MarkDocumentSecretValidator : AbstractValidator<MarkDocumentSecret>
{
    public MarkDocumentSecretValidator()
    {
        RuleFor(x => x.Provision)
            .Must(p => CaseDocument.NormaliseProvision(p) is not null)
            .WithMessage("Ange sekretessbestämmelsen i OSL, till exempel ”OSL 26 kap. 1 §”.");
    }
}

public sealed class MarkDocumentSecretHandler(
    IAppDbContextFactory dbFactory,
    AccessService access,
    IValidator<MarkDocumentSecret> validator,
    IUserDirectory users,
    ICurrentUser user,
    TimeProvider clock)
{
    public async Task<Result<SecrecyMarking>> HandleAsync(MarkDocumentSecret request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grants = await access.SnapshotAsync(cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        if (await DocumentFiles.FindAsync(db, grants, request.DocumentId, Operation.PrepareCase, track: true, cancellationToken) is not { } found)
        {
            return Error.NotFound("Handlingen");
        }

        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Error.Validation(validation);
        }

        var (document, @case) = found;
        if (document.IsSecret)
        {
            // A marking is changed only by taking it away and marking anew, so the first one's date and name are not lost.
            return Error.Invalid($"Handling {document.Ordinal} är redan sekretessmarkerad enligt {document.SecrecyProvision}.");
        }

        var now = clock.GetUtcNow();
        try
        {
            document.MarkSecret(request.Provision, SwedishTime.LocalDate(now), user.UserId, await DocumentFiles.MarkerNameAsync(users, user, cancellationToken));
        }
        catch (DomainException ex)
        {
            return Error.Invalid(ex.Message);
        }

        if (request.Version != 0)
        {
            db.SetOriginalVersion(document, request.Version);
        }

        db.CaseEvents.Add(CaseEvent.SecrecyChanged(@case.Id, now, user.UserName ?? "system", document.Id, document.Ordinal, secret: true));
        return await db.SaveOrConflictAsync(
            document, new SecrecyMarking(document.SecrecyProvision!, document.SecrecyMarkedOn!.Value, document.SecrecyMarkedByName!), cancellationToken);
    }
}
