using System.Security.Cryptography;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Files;
using Nämndportal.Domain.Minutes;

namespace Nämndportal.Application.Minutes;

/// <summary>
/// Sends the protokoll for justering: prints it, keeps the print, and freezes the protokoll on that print's SHA-256, the
/// one every signer approves (rules 13, 27). The print is made before the save; a protokoll changed meanwhile is refused
/// by its version, and the print is not kept.
/// </summary>
public sealed record SubmitMinutesForApproval(Guid MinutesId, uint Version);

public sealed class SubmitMinutesForApprovalHandler(IAppDbContextFactory dbFactory, AccessService access, MinutesPdfService pdf, TimeProvider clock)
{
    public async Task<Result<uint>> HandleAsync(SubmitMinutesForApproval request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grants = await access.SnapshotAsync(cancellationToken);
        byte[] printed;
        bool secret;
        string fileName;
        await using (var read = await dbFactory.CreateAsync(cancellationToken))
        {
            var minutes = await read.LoadMinutesAsync(request.MinutesId, track: false, cancellationToken);
            if (minutes is null || !grants.CanView(minutes))
            {
                return Error.NotFound("Protokollet");
            }

            if (!grants.CanWrite(minutes))
            {
                return Error.Forbidden();
            }

            if (minutes.Version != request.Version)
            {
                return Error.Conflict(minutes.ModifiedBy, minutes.ModifiedAt);
            }

            var problems = minutes.ProblemsBeforeApproval();
            if (minutes.Status != MinutesStatus.Draft || problems.Count > 0)
            {
                return Error.Invalid(minutes.Status != MinutesStatus.Draft
                    ? "Protokollet är redan skickat för justering."
                    : "Protokollet kan inte skickas för justering: " + string.Join(" ", problems));
            }

            printed = await pdf.RenderAsync(minutes, MinutesPrintKind.Full, cancellationToken: cancellationToken);
            secret = minutes.Sections.Any(s => s.SecrecyProvision is not null);
            fileName = MinutesPdfService.FileName(minutes, " (för justering)");
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(printed));
        return await MinutesEditing.EditAsync(dbFactory, access, request.MinutesId, request.Version, (db, minutes) =>
        {
            var file = StoredFile.ForMinutes(fileName, printed, minutes.Id, StoredFileSource.Minutes, secret);
            db.StoredFiles.Add(file);
            minutes.SubmitForApproval(file.Id, sha, clock.GetUtcNow());
            return Task.FromResult<Error?>(null);
        }, cancellationToken);
    }
}
