using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Meetings;

namespace Nämndportal.Application.Meetings;

/// <summary>
/// The agenda use cases' shared steps: load a meeting with its items, check who may see and edit it, and save a
/// change through the meeting with the version the page was loaded with, so a second secretary's stale save is
/// refused naming who saved first.
/// </summary>
internal static class AgendaEditing
{
    public static async Task<Meeting?> LoadMeetingAsync(this IAppDbContext db, Guid meetingId, bool track, CancellationToken cancellationToken)
    {
        var meetings = track ? db.Meetings : db.Meetings.AsNoTracking();
        return await meetings.Include("_items._documents").SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
    }

    /// <summary>The agenda page: members on the meeting's own date (Stockholm), the organ's officials, and those who edit it.</summary>
    public static bool CanView(this AccessSnapshot grants, Meeting meeting) =>
        grants.Can(Operation.ReadHandlingar, meeting.OrganId, meeting.LocalDate) || grants.CanEdit(meeting);

    /// <summary>Building the agenda: the organ's nämndsekreterare, or an administrator.</summary>
    public static bool CanEdit(this AccessSnapshot grants, Meeting meeting) => grants.Can(Operation.ManageOrgan, meeting.OrganId);

    /// <summary>
    /// Loads the meeting for a change, runs <paramref name="change"/> on it and saves it (and whatever the change
    /// touched, e.g. the case it put on the agenda) in one transaction, provided the meeting still has
    /// <paramref name="version"/>. Returns the meeting's new version.
    /// </summary>
    public static async Task<Result<uint>> EditAsync(
        IAppDbContextFactory dbFactory, AccessService access, Guid meetingId, uint version,
        Func<IAppDbContext, Meeting, Task<Error?>> change, CancellationToken cancellationToken)
    {
        var grants = await access.SnapshotAsync(cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var meeting = await db.LoadMeetingAsync(meetingId, track: true, cancellationToken);
        if (meeting is null || !grants.CanView(meeting))
        {
            return Error.NotFound("Sammanträdet");
        }

        if (!grants.CanEdit(meeting))
        {
            return Error.Forbidden();
        }

        db.SetOriginalVersion(meeting, version);
        try
        {
            if (await change(db, meeting) is { } error)
            {
                return error;
            }
        }
        catch (DomainException ex)
        {
            return Error.Invalid(ex.Message);
        }

        var saved = await db.SaveOrConflictAsync(meeting, 0u, cancellationToken);
        return saved.Succeeded ? Result<uint>.Ok(meeting.Version) : saved.Error!;
    }

    /// <summary>Moves a case's status because of the agenda (not by hand), with the line on its timeline.</summary>
    public static void MoveCase(this IAppDbContext db, Case @case, CaseStatus to, Guid meetingId, DateTimeOffset at, string actor)
    {
        var from = @case.Status;
        @case.MoveTo(to);
        db.CaseEvents.Add(CaseEvent.StatusChanged(@case.Id, at, actor, from, to, meetingId));
    }
}
