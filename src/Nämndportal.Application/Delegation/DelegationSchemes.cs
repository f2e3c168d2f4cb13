using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Delegation;

namespace Nämndportal.Application.Delegation;

/// <summary>A point as the delegationsordning page shows it: delegates and substitutes by name, one per line when edited.</summary>
public sealed record SchemePointView(
    string Code, string Matter, DelegationMatterKind Kind, IReadOnlyList<string> Delegates, IReadOnlyList<string> Substitutes, string? LawReference,
    bool MayPassOn, bool MustReport);

/// <summary>One version of the delegationsordning.</summary>
public sealed record SchemeVersionView(
    Guid Id, uint Version, int Number, string AdoptedBy, DateOnly ValidFrom, DateOnly? ValidTo, bool IsDraft, DateTimeOffset? EstablishedAt,
    bool InForceToday, IReadOnlyList<SchemePointView> Points);

/// <summary>Who holds (or held) a position, as listed.</summary>
public sealed record PositionHolderView(Guid Id, string Title, string Name, bool HasLogin, DateOnly ValidFrom, DateOnly? ValidTo, bool Current);

/// <summary>A vidaredelegation, as listed.</summary>
public sealed record OnwardDelegationView(Guid Id, string PointCode, string ToTitle, string GrantedBy, DateOnly ValidFrom, DateOnly? ValidTo, bool Current);

/// <summary>Everything the delegationsordning page shows for one organ.</summary>
public sealed record SchemeOverview(
    IReadOnlyList<DelegationOrganOption> Organs, Guid? OrganId, bool CanManage, IReadOnlyList<SchemeVersionView> Versions,
    IReadOnlyList<PositionHolderView> Holders, IReadOnlyList<OnwardDelegationView> Onward, IReadOnlyList<string> Committees,
    IReadOnlyList<Organisation.Lookup> Staff);

/// <summary>Starts the next version as a draft, with the points of the newest fastställd version.</summary>
public sealed record DraftScheme(Guid OrganId, string AdoptedBy, DateOnly ValidFrom);

/// <summary>Changes the draft's adopting § and first day.</summary>
public sealed record DescribeScheme(Guid SchemeId, uint Version, string AdoptedBy, DateOnly ValidFrom);

/// <summary>
/// Adds a point to a draft, or changes the point <see cref="Replacing"/> (its code may change). Delegates and substitutes
/// are written as the register writes them: "Ordförande", an utskott's name, or a position's title.
/// </summary>
public sealed record SaveSchemePoint(
    Guid SchemeId, uint Version, string? Replacing, string Code, string Matter, DelegationMatterKind Kind, IReadOnlyList<string> Delegates,
    IReadOnlyList<string> Substitutes, string? LawReference, bool MayPassOn, bool MustReport);

public sealed record RemoveSchemePoint(Guid SchemeId, uint Version, string Code);

/// <summary>Fastställer a draft, or throws it away.</summary>
public sealed record SchemeDraftAction(Guid SchemeId, uint Version);

/// <summary>A förordnande: who holds a position of the organ from a day (and to a day), with their login if they have one.</summary>
public sealed record AddPositionHolder(Guid OrganId, string Title, string Name, Guid? UserId, DateOnly ValidFrom, DateOnly? ValidTo);

/// <summary>A vidaredelegation of a point that allows it, from the förvaltningschef to a position.</summary>
public sealed record AddOnwardDelegation(Guid OrganId, string PointCode, string ToTitle, string GrantedBy, DateOnly ValidFrom, DateOnly? ValidTo);

/// <summary>Ends a förordnande or a vidaredelegation on its last day.</summary>
public sealed record EndAssignment(Guid Id, DateOnly LastDay);

/// <summary>
/// The delegationsordning of an organ, its position holders (förordnanden) and its vidaredelegationer: read by those who
/// read the register, kept by those who register (registrators, the organ's nämndsekreterare). A version is written as a
/// draft and fastställd; the one before it then ends the day before (see <see cref="DelegationScheme"/>). A draft may not
/// start on a day that decisions already registered under the version before it rest on.
/// </summary>
public sealed class DelegationSchemesHandler(IAppDbContextFactory dbFactory, AccessService access, IUserDirectory directory, TimeProvider clock)
{
    private static readonly StringComparer Swedish = StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), true);

    public async Task<SchemeOverview> OverviewAsync(Guid? organId, CancellationToken cancellationToken = default)
    {
        var grants = await access.SnapshotAsync(cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var organs = (await db.Organs.AsNoTracking().Where(o => o.Kind != Domain.Organisation.OrganKind.Utskott).OrderBy(o => o.Name).ToListAsync(cancellationToken))
            .Select(o => (Organ: o, Manage: grants.Can(Operation.RegisterDelegatedDecisions, o.Id), Read: grants.Can(Operation.ReadDelegatedDecisions, o.Id)))
            .Where(x => x.Manage || x.Read)
            .Select(x => new DelegationOrganOption(x.Organ.Id, x.Organ.Name, x.Manage, false))
            .ToList();
        // Without a choice: the first organ that has a delegationsordning, preferring one the user keeps.
        var withScheme = await db.DelegationSchemes.AsNoTracking().Select(s => s.OrganId).Distinct().ToListAsync(cancellationToken);
        var organ = organs.FirstOrDefault(o => o.Id == organId)
            ?? organs.FirstOrDefault(o => o.CanRegister && withScheme.Contains(o.Id))
            ?? organs.FirstOrDefault(o => withScheme.Contains(o.Id))
            ?? organs.FirstOrDefault();
        if (organ is null)
        {
            return new SchemeOverview(organs, null, false, [], [], [], [], []);
        }

        var today = SwedishTime.LocalDate(clock.GetUtcNow());
        var register = await DelegationRegister.LoadAsync(db, organ.Id, cancellationToken);
        var versions = register!.Schemes.Where(s => organ.CanRegister || !s.IsDraft).OrderByDescending(s => s.Number)
            .Select(s => new SchemeVersionView(
                s.Id, s.Version, s.Number, s.AdoptedBy, s.ValidFrom, s.ValidTo, s.IsDraft, s.EstablishedAt, s.IsValidOn(today),
                s.Points.Select(p => new SchemePointView(
                    p.Code, p.Matter, p.MatterKind, p.Delegates.Select(d => d.Name).ToList(), p.Substitutes.Select(d => d.Name).ToList(), p.LawReference,
                    p.MayPassOn, p.MustReport)).ToList()))
            .ToList();
        var holders = register.Holders.OrderBy(h => h.Title, Swedish).ThenByDescending(h => h.ValidFrom)
            .Select(h => new PositionHolderView(h.Id, h.Title, h.Name, h.UserId is not null, h.ValidFrom, h.ValidTo, h.IsValidOn(today))).ToList();
        var onward = register.Onward.OrderBy(o => o.PointCode, Comparer<string>.Create(DelegationScheme.CompareCodes)).ThenByDescending(o => o.ValidFrom)
            .Select(o => new OnwardDelegationView(o.Id, o.PointCode, o.ToTitle, o.GrantedBy, o.ValidFrom, o.ValidTo, o.IsValidOn(today))).ToList();
        var staff = organ.CanRegister ? await directory.StaffAsync(cancellationToken) : [];
        return new SchemeOverview(organs, organ.Id, organ.CanRegister, versions, holders, onward, register.Committees.Select(c => c.Name).ToList(), staff);
    }

    public async Task<Result<Guid>> DraftAsync(DraftScheme request, CancellationToken cancellationToken = default)
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

        var schemes = await db.DelegationSchemes.AsNoTracking().Where(s => s.OrganId == request.OrganId).OrderBy(s => s.Number).ToListAsync(cancellationToken);
        if (schemes.FirstOrDefault(s => s.IsDraft) is { } open)
        {
            return Error.Invalid($"Version {open.Number} är redan ett utkast. Ändra den eller ta bort den innan en ny version påbörjas.");
        }

        DelegationScheme draft;
        try
        {
            draft = schemes.LastOrDefault() is { } newest
                ? newest.DraftSuccessor(request.AdoptedBy, request.ValidFrom)
                : new DelegationScheme(request.OrganId, 1, request.AdoptedBy, request.ValidFrom);
        }
        catch (DomainException ex)
        {
            return Error.Invalid(ex.Message);
        }

        db.DelegationSchemes.Add(draft);
        return await db.SaveOrConflictAsync(draft, draft.Id, cancellationToken);
    }

    public Task<Result<Guid>> DescribeAsync(DescribeScheme request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ChangeDraftAsync(request.SchemeId, request.Version, s => s.Describe(request.AdoptedBy, request.ValidFrom), cancellationToken);
    }

    public Task<Result<Guid>> SavePointAsync(SaveSchemePoint request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ChangeDraftAsync(request.SchemeId, request.Version, (scheme, register) =>
        {
            var delegates = Roles(register, request.Delegates);
            var substitutes = Roles(register, request.Substitutes);
            scheme.SetPoint(
                new DelegationPoint(request.Code, request.Matter, request.Kind, delegates, substitutes, request.LawReference, request.MayPassOn, request.MustReport),
                request.Replacing);
        }, cancellationToken);
    }

    public Task<Result<Guid>> RemovePointAsync(RemoveSchemePoint request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ChangeDraftAsync(request.SchemeId, request.Version, s => s.RemovePoint(request.Code), cancellationToken);
    }

    /// <summary>
    /// Fastställer the draft. Refused when decisions registered under the version before it are dated on or after the
    /// draft's first day: they would lose the version they rest on.
    /// </summary>
    public async Task<Result<Guid>> EstablishAsync(SchemeDraftAction request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var scheme = await db.DelegationSchemes.SingleOrDefaultAsync(s => s.Id == request.SchemeId, cancellationToken);
        if (scheme is null || !await access.CanAsync(Operation.RegisterDelegatedDecisions, scheme.OrganId, null, cancellationToken))
        {
            return Error.NotFound("Delegationsordningen");
        }

        db.SetOriginalVersion(scheme, request.Version);
        var previous = await db.DelegationSchemes.SingleOrDefaultAsync(s => s.OrganId == scheme.OrganId && s.Number == scheme.Number - 1, cancellationToken);
        if (previous is not null)
        {
            var later = await db.DelegatedDecisions.CountAsync(d => d.SchemeId == previous.Id && d.DecidedOn >= scheme.ValidFrom, cancellationToken);
            if (later > 0)
            {
                return Error.Invalid(
                    $"{later} beslut daterade {scheme.ValidFrom:yyyy-MM-dd} eller senare är registrerade enligt version {previous.Number}. Låt version {scheme.Number} gälla från en senare dag.");
            }
        }

        try
        {
            scheme.Establish(previous, clock.GetUtcNow());
        }
        catch (DomainException ex)
        {
            return Error.Invalid(ex.Message);
        }

        return await db.SaveOrConflictAsync(scheme, scheme.Id, cancellationToken);
    }

    public async Task<Result<Guid>> DeleteDraftAsync(SchemeDraftAction request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var scheme = await db.DelegationSchemes.SingleOrDefaultAsync(s => s.Id == request.SchemeId, cancellationToken);
        if (scheme is null || !await access.CanAsync(Operation.RegisterDelegatedDecisions, scheme.OrganId, null, cancellationToken))
        {
            return Error.NotFound("Delegationsordningen");
        }

        if (!scheme.IsDraft)
        {
            return Error.Invalid($"Version {scheme.Number} är fastställd och tas inte bort: beslut vilar på den.");
        }

        db.SetOriginalVersion(scheme, request.Version);
        db.DelegationSchemes.Remove(scheme);
        return await db.SaveOrConflictAsync(scheme, scheme.Id, cancellationToken);
    }

    public async Task<Result<Guid>> AddHolderAsync(AddPositionHolder request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await access.CanAsync(Operation.RegisterDelegatedDecisions, request.OrganId, null, cancellationToken))
        {
            return Error.NotFound("Organet");
        }

        var userId = request.UserId;
        if (userId is { } id && (await directory.StaffAsync(cancellationToken)).All(s => s.Id != id))
        {
            return Error.Invalid("Inloggningen finns inte bland de anställdas inloggningar. Välj en annan, eller ingen.");
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        if (!await db.Organs.AnyAsync(o => o.Id == request.OrganId, cancellationToken))
        {
            return Error.NotFound("Organet");
        }

        PositionHolder holder;
        try
        {
            holder = new PositionHolder(request.OrganId, request.Title, userId, request.Name, request.ValidFrom, request.ValidTo);
        }
        catch (DomainException ex)
        {
            return Error.Invalid(ex.Message);
        }

        if (holder.Title.Length > 120 || holder.Name.Length > 200)
        {
            return Error.Invalid("Befattningen får vara högst 120 tecken och namnet högst 200.");
        }

        db.PositionHolders.Add(holder);
        return await db.SaveOrConflictAsync(holder, holder.Id, cancellationToken);
    }

    public async Task<Result<Guid>> EndHolderAsync(EndAssignment request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var holder = await db.PositionHolders.SingleOrDefaultAsync(h => h.Id == request.Id, cancellationToken);
        if (holder is null || !await access.CanAsync(Operation.RegisterDelegatedDecisions, holder.OrganId, null, cancellationToken))
        {
            return Error.NotFound("Förordnandet");
        }

        var later = await db.DelegatedDecisions.CountAsync(
            d => d.OrganId == holder.OrganId && d.DelegateName == holder.Name && d.SeriesKey == holder.Position.SeriesKey && d.DecidedOn > request.LastDay, cancellationToken);
        if (later > 0)
        {
            return Error.Invalid($"{holder.Name} har {later} registrerade beslut som {holder.Title} efter {request.LastDay:yyyy-MM-dd}. Välj en senare sista dag.");
        }

        try
        {
            holder.End(request.LastDay);
        }
        catch (DomainException ex)
        {
            return Error.Invalid(ex.Message);
        }

        return await db.SaveOrConflictAsync(holder, holder.Id, cancellationToken);
    }

    public async Task<Result<Guid>> AddOnwardAsync(AddOnwardDelegation request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await access.CanAsync(Operation.RegisterDelegatedDecisions, request.OrganId, null, cancellationToken))
        {
            return Error.NotFound("Organet");
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var register = await DelegationRegister.LoadAsync(db, request.OrganId, cancellationToken);
        if (register is null)
        {
            return Error.NotFound("Organet");
        }

        var scheme = register.SchemeOn(request.ValidFrom);
        if (scheme is null)
        {
            return Error.Invalid($"Ingen fastställd delegationsordning gäller {request.ValidFrom:yyyy-MM-dd}.");
        }

        var point = scheme.Point(request.PointCode);
        if (point is null)
        {
            return Error.Invalid($"Punkt {request.PointCode?.Trim()} finns inte i version {scheme.Number} av delegationsordningen.");
        }

        OnwardDelegation onward;
        try
        {
            onward = new OnwardDelegation(request.OrganId, point, request.ToTitle, request.GrantedBy, request.ValidFrom, request.ValidTo);
        }
        catch (DomainException ex)
        {
            return Error.Invalid(ex.Message);
        }

        if (onward.ToTitle.Length > 120 || onward.GrantedBy.Length > 200)
        {
            return Error.Invalid("Befattningen får vara högst 120 tecken och namnet högst 200.");
        }

        db.OnwardDelegations.Add(onward);
        return await db.SaveOrConflictAsync(onward, onward.Id, cancellationToken);
    }

    public async Task<Result<Guid>> EndOnwardAsync(EndAssignment request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var onward = await db.OnwardDelegations.SingleOrDefaultAsync(o => o.Id == request.Id, cancellationToken);
        if (onward is null || !await access.CanAsync(Operation.RegisterDelegatedDecisions, onward.OrganId, null, cancellationToken))
        {
            return Error.NotFound("Vidaredelegationen");
        }

        try
        {
            onward.End(request.LastDay);
        }
        catch (DomainException ex)
        {
            return Error.Invalid(ex.Message);
        }

        return await db.SaveOrConflictAsync(onward, onward.Id, cancellationToken);
    }

    private static List<DelegateRole> Roles(DelegationRegister register, IReadOnlyList<string>? lines) =>
        (lines ?? []).Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => register.ParseRole(l)).DistinctBy(r => r.SeriesKey).ToList();

    private Task<Result<Guid>> ChangeDraftAsync(Guid schemeId, uint version, Action<DelegationScheme> change, CancellationToken cancellationToken) =>
        ChangeDraftAsync(schemeId, version, (s, _) => change(s), cancellationToken);

    private async Task<Result<Guid>> ChangeDraftAsync(Guid schemeId, uint version, Action<DelegationScheme, DelegationRegister> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var scheme = await db.DelegationSchemes.SingleOrDefaultAsync(s => s.Id == schemeId, cancellationToken);
        if (scheme is null || !await access.CanAsync(Operation.RegisterDelegatedDecisions, scheme.OrganId, null, cancellationToken))
        {
            return Error.NotFound("Delegationsordningen");
        }

        db.SetOriginalVersion(scheme, version);
        var register = (await DelegationRegister.LoadAsync(db, scheme.OrganId, cancellationToken))!;
        try
        {
            change(scheme, register);
        }
        catch (DomainException ex)
        {
            return Error.Invalid(ex.Message);
        }

        if (scheme.Points.Count > 500)
        {
            return Error.Invalid("En delegationsordning har högst 500 punkter.");
        }

        return await db.SaveOrConflictAsync(scheme, scheme.Id, cancellationToken);
    }
}
