using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Common;

namespace Nämndportal.Application.Cases;

/// <summary>Move a case along its lifecycle (Registrerat → Under beredning → Klart för beslut → …); the domain refuses illegal moves.</summary>
public sealed record ChangeCaseStatus(Guid CaseId, CaseStatus To, uint Version)
{
    /// <summary>
    /// "På föredragningslista" follows the agenda: a case gets it when the nämndsekreterare puts it on a meeting's agenda
    /// and loses it (back to "Klart för beslut") when the item is taken off. Nobody sets those two moves by hand.
    /// </summary>
    public static bool IsManual(CaseStatus from, CaseStatus to) =>
        to != CaseStatus.PaForedragningslista && !(from == CaseStatus.PaForedragningslista && to == CaseStatus.KlartForBeslut);
}

public sealed class ChangeCaseStatusHandler(IAppDbContextFactory dbFactory, AccessService access, ICurrentUser user, TimeProvider clock)
{
    public async Task<Result<CaseStatus>> HandleAsync(ChangeCaseStatus request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grants = await access.SnapshotAsync(cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var @case = await db.FindCaseAsync(grants, request.CaseId, cancellationToken, track: true);
        if (@case is null)
        {
            return Error.NotFound("Ärendet");
        }

        if (!grants.Can(Operation.PrepareCase, @case.OrganId))
        {
            return Error.Forbidden();
        }

        db.SetOriginalVersion(@case, request.Version);
        var from = @case.Status;
        if (!ChangeCaseStatus.IsManual(from, request.To))
        {
            return Error.Invalid(request.To == CaseStatus.PaForedragningslista
                ? "Ett ärende får status På föredragningslista när nämndsekreteraren lägger det på ett sammanträdes föredragningslista."
                : "Ärendet står på en föredragningslista. Det blir klart för beslut igen när nämndsekreteraren tar bort punkten från föredragningslistan.");
        }

        try
        {
            @case.MoveTo(request.To);
        }
        catch (DomainException ex)
        {
            return Error.Invalid(ex.Message);
        }

        db.CaseEvents.Add(CaseEvent.StatusChanged(@case.Id, clock.GetUtcNow(), user.UserName ?? "system", from, request.To));
        return await db.SaveOrConflictAsync(@case, request.To, cancellationToken);
    }
}
