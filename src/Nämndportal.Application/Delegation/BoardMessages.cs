using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Delegation;

namespace Nämndportal.Application.Delegation;

/// <summary>A meddelande to register: who sent it, when it came in, the organ's case number, the sender's reference, what it is.</summary>
public sealed record RegisterBoardMessage(Guid OrganId, string Sender, DateOnly ReceivedOn, string? CaseNumber, string? Reference, string Description);

/// <summary>A meddelande as the register lists it.</summary>
public sealed record BoardMessageRow(Guid Id, string Sender, DateOnly ReceivedOn, string? CaseNumber, string? Reference, string Description, string Status);

/// <summary>
/// Meddelanden (letters and decisions from others reported to the board): registered by the registrators and the organ's
/// secretary, listed for those who read the organ's register, and reported through <see cref="SetAgendaReport"/>.
/// </summary>
public sealed class BoardMessagesHandler(IAppDbContextFactory dbFactory, AccessService access, TimeProvider clock)
{
    public async Task<Result<Guid>> HandleAsync(RegisterBoardMessage request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await access.CanAsync(Operation.RegisterDelegatedDecisions, request.OrganId, null, cancellationToken))
        {
            return Error.NotFound("Organet");
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        if (!await db.Organs.AnyAsync(o => o.Id == request.OrganId, cancellationToken))
        {
            return Error.NotFound("Organet");
        }

        BoardMessage message;
        try
        {
            message = new BoardMessage(request.OrganId, request.Sender, request.ReceivedOn, request.CaseNumber, request.Reference, request.Description, null,
                SwedishTime.LocalDate(clock.GetUtcNow()));
        }
        catch (DomainException ex)
        {
            return Error.Invalid(ex.Message);
        }

        db.BoardMessages.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        return Result<Guid>.Ok(message.Id);
    }

    public async Task<IReadOnlyList<BoardMessageRow>> ListAsync(Guid organId, CancellationToken cancellationToken = default)
    {
        if (!await access.CanAsync(Operation.ReadDelegatedDecisions, organId, null, cancellationToken)
            && !await access.CanAsync(Operation.RegisterDelegatedDecisions, organId, null, cancellationToken))
        {
            return [];
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var messages = await db.BoardMessages.AsNoTracking().Where(m => m.OrganId == organId)
            .OrderByDescending(m => m.ReceivedOn).Take(200).ToListAsync(cancellationToken);
        return messages.Select(m => new BoardMessageRow(
            m.Id, m.Sender, m.ReceivedOn, m.CaseNumber, m.Reference, m.Description,
            m.ReportedIn ?? (m.ReportMeetingId is not null ? "på redovisning till nästa sammanträde" : "ska anmälas"))).ToList();
    }
}
