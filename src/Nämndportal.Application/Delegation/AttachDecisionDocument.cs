using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nämndportal.Application.Cases;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Files;

namespace Nämndportal.Application.Delegation;

/// <summary>The decision document of a registered delegationsbeslut, as uploaded.</summary>
public sealed record AttachDecisionDocument(Guid DecisionId, uint Version, string FileName, byte[] Content);

/// <summary>
/// Keeps the decision document of a delegationsbeslut: those who register for the organ, or the delegate for their own
/// decision. The file is checked like a handling (its content must be what its name says, <see cref="FileSniffer"/>); an
/// individual case's document is stored as secret. A new upload replaces the link until the decision is anmäld; the earlier
/// file is kept, nothing is overwritten.
/// </summary>
public sealed class AttachDecisionDocumentHandler(IAppDbContextFactory dbFactory, AccessService access, ICurrentUser user, IOptions<DocumentOptions> options)
{
    public async Task<Result<Guid>> HandleAsync(AttachDecisionDocument request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var decision = await db.DelegatedDecisions.SingleOrDefaultAsync(d => d.Id == request.DecisionId, cancellationToken);
        if (decision is null
            || !(await access.CanAsync(Operation.RegisterDelegatedDecisions, decision.OrganId, null, cancellationToken)
                 || (user.UserId is { } me && decision.DelegateUserId == me)))
        {
            return Error.NotFound("Beslutet");
        }

        var upload = Files.UploadedFile.Check(request.FileName, request.Content, options.Value.MaxUploadBytes);
        if (upload.Error is { } invalid)
        {
            return invalid;
        }

        db.SetOriginalVersion(decision, request.Version);
        var file = StoredFile.ForDelegatedDecision(upload.Value!.FileName, upload.Value.ContentType, request.Content, decision.Id, user.UserId, decision.IndividualCase);
        try
        {
            decision.AttachDocument(file.Id);
        }
        catch (DomainException ex)
        {
            return Error.Invalid(ex.Message);
        }

        db.StoredFiles.Add(file);
        return await db.SaveOrConflictAsync(decision, file.Id, cancellationToken);
    }
}
