using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Application.Organisation;

public sealed record OrganDetails(
    Guid Id, string Name, string ShortName, OrganKind Kind, Guid? ParentId, string? ParentName, string CaseNumberPrefix,
    string ParagraphSeries, string? DefaultMeetingPlace, OrganRules Rules, DateOnly? EndedOn, uint Version,
    int Seats, int FilledSeats, int QuorumRequired, IReadOnlyList<RosterRow> Roster, IReadOnlyList<OfficialRow> Officials, bool CanManage,
    IReadOnlyList<RosterRow> AllMemberships, string? Administration, IReadOnlyList<string> ConsequenceHeadings, string CaseNumberPattern,
    IReadOnlyList<string> StandardAgendaItems)
{
    /// <summary>The roster grouped by party, largest group first, as boards list themselves.</summary>
    public IReadOnlyList<IGrouping<string, RosterRow>> ByParty =>
        Roster.GroupBy(r => r.Party ?? "Utan parti").OrderByDescending(g => g.Count()).ThenBy(g => g.Key).ToList();
}

public sealed record OfficialRow(Guid UserId, string Name, OfficialFunction Function);

/// <summary>An organ's page: its settings, its roster on a date (today by default) and its officials.</summary>
public sealed class GetOrganHandler(IAppDbContextFactory dbFactory, AccessService access, TimeProvider clock, IUserDirectory users)
{
    public async Task<Result<OrganDetails>> HandleAsync(Guid organId, DateOnly? on = null, CancellationToken cancellationToken = default)
    {
        var date = on ?? SwedishTime.LocalDate(clock.GetUtcNow());
        var grants = await access.SnapshotAsync(cancellationToken);
        if (!grants.Can(Operation.ViewRoster, organId))
        {
            return Error.NotFound("Organet");
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var organ = await db.Organs.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organId, cancellationToken);
        if (organ is null)
        {
            return Error.NotFound("Organet");
        }

        var parentName = organ.ParentId is { } parentId
            ? await db.Organs.Where(o => o.Id == parentId).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        var all = await RosterRow.LoadAsync(db, organId, null, cancellationToken);
        var roster = all.Where(r => r.IsValidOn(date)).ToList();
        var officials = await db.OrganOfficials.AsNoTracking().Where(o => o.OrganId == organId).ToListAsync(cancellationToken);
        var names = await users.DisplayNamesAsync(officials.Select(o => o.UserId).ToList(), cancellationToken);
        var filled = roster.Count(r => r.Role.HoldsSeat());
        var seats = Quorum.SeatsFor(organ.Rules, filled);

        return Result<OrganDetails>.Ok(new OrganDetails(
            organ.Id, organ.Name, organ.ShortName, organ.Kind, organ.ParentId, parentName, organ.CaseNumberPrefix,
            organ.ParagraphSeries, organ.DefaultMeetingPlace, organ.Rules, organ.EndedOn, organ.Version, seats, filled, Quorum.Required(seats),
            roster,
            officials.Select(o => new OfficialRow(o.UserId, names.GetValueOrDefault(o.UserId, "(okänd användare)"), o.Function)).ToList(),
            grants.Can(Operation.ManageOrgan, organId),
            all, organ.Administration, organ.ConsequenceHeadings, organ.CaseNumberPattern,
            organ.StandardAgendaItems));
    }
}
