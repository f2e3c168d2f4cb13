using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Organisation;
using Nämndportal.Application.Pdf;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Audit;
using Nämndportal.Domain.Common;

namespace Nämndportal.Application.Audit;

/// <summary>A § an assignment can come from, with the att-sats that gives the administration a task, when there is one.</summary>
public sealed record AssignableSection(Guid Id, string Reference, string Title, string? CaseNumber, string? SuggestedTask, int Assignments);

public sealed record CreateAssignment(Guid SectionId, string Task, string Responsible, Guid? ResponsibleUserId, DateOnly? DueOn);

public sealed record CommentAssignment(Guid AssignmentId, uint Version, string? Comment);

/// <summary>One line of "Fattade politiska beslut": the decision (the task and where it was given), status and comment.</summary>
public sealed record DecisionListLine(string Task, string Reference, string? CaseNumber, string Responsible, DateOnly? DueOn, string Status, bool Late, string? Comment);

/// <summary>The printed list of an organ's assignments for the interim report (delårsrapport).</summary>
public sealed record DecisionListDocumentModel(string OrganName, DateOnly PrintedOn, IReadOnlyList<DecisionListLine> Lines)
{
    public PdfLayout Layout() => new("Fattade politiska beslut", OrganName, $"Utskriven {PrintedOn:yyyy-MM-dd}", "Uppföljning av uppdrag");
}

/// <summary>
/// Assignments from decisions (uppdrag, issue 13 point 3): those who keep an organ's follow-up create one from a § of its
/// protokoll whose decision gives the administration a task; it carries the §'s reference and case. The list of an organ's
/// assignments prints as "Fattade politiska beslut" (decision, status, comment) for the interim report.
/// </summary>
public sealed class AssignmentsHandler(IAppDbContextFactory dbFactory, AccessService access, TimeProvider clock, IPdfRenderer pdf)
{
    /// <summary>The §§ of the organ's protokoll of the last two years, newest first; those with an "uppdra" att-sats carry it as the suggested task.</summary>
    public async Task<IReadOnlyList<AssignableSection>> SectionsAsync(Guid organId, CancellationToken cancellationToken = default)
    {
        if (!await access.CanAsync(Operation.ManageFollowUp, organId, null, cancellationToken))
        {
            return [];
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var organ = await db.Organs.AsNoTracking().SingleAsync(o => o.Id == organId, cancellationToken);
        var since = SwedishTime.LocalDate(clock.GetUtcNow()).AddYears(-2);
        var minutes = await db.MeetingMinutes.AsNoTracking().Where(m => m.OrganId == organId && m.MeetingDate >= since)
            .Select(m => new { m.Id, m.MeetingDate }).ToListAsync(cancellationToken);
        var minutesIds = minutes.Select(m => m.Id).ToList();
        var sections = await db.MinutesSections.AsNoTracking().Where(s => minutesIds.Contains(s.MinutesId) && s.Number > 0).ToListAsync(cancellationToken);
        var counts = await db.Assignments.AsNoTracking().Where(a => a.OrganId == organId).GroupBy(a => a.SectionId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return sections
            .Select(s => (Section: s, Date: minutes.Single(m => m.Id == s.MinutesId).MeetingDate))
            .OrderByDescending(x => x.Date).ThenByDescending(x => x.Section.Number)
            .Select(x => new AssignableSection(
                x.Section.Id, Reference(organ.ShortName, x.Date, x.Section.Number), x.Section.Title, x.Section.CaseNumber,
                SuggestedTask(x.Section.Decisions, x.Section.SecrecyProvision), counts.GetValueOrDefault(x.Section.Id)))
            .ToList();
    }

    public async Task<Result<Guid>> CreateAsync(CreateAssignment request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var section = await db.MinutesSections.AsNoTracking().SingleOrDefaultAsync(s => s.Id == request.SectionId, cancellationToken);
        var minutes = section is null ? null
            : await db.MeetingMinutes.AsNoTracking().Where(m => m.Id == section.MinutesId).Select(m => new { m.OrganId, m.MeetingDate }).SingleOrDefaultAsync(cancellationToken);
        if (section is null || minutes is null || !await access.CanAsync(Operation.ManageFollowUp, minutes.OrganId, null, cancellationToken))
        {
            return Error.NotFound("Paragrafen");
        }

        if (request.DueOn is { } due && due < minutes.MeetingDate)
        {
            return Error.Invalid($"Uppdraget kan inte vara klart före sammanträdet {minutes.MeetingDate:yyyy-MM-dd}.");
        }

        var organ = await db.Organs.AsNoTracking().SingleAsync(o => o.Id == minutes.OrganId, cancellationToken);
        Assignment assignment;
        try
        {
            assignment = new Assignment(organ.Id, section.Id, section.CaseId, Reference(organ.ShortName, minutes.MeetingDate, section.Number),
                request.Task, request.Responsible, request.ResponsibleUserId, request.DueOn);
        }
        catch (DomainException ex)
        {
            return Error.Invalid(ex.Message);
        }

        db.Assignments.Add(assignment);
        return await db.SaveOrConflictAsync(assignment, assignment.Id, cancellationToken);
    }

    /// <summary>The comment the list prints beside the status; by those who keep the organ's follow-up.</summary>
    public async Task<Result<Guid>> CommentAsync(CommentAssignment request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var assignment = await db.Assignments.SingleOrDefaultAsync(a => a.Id == request.AssignmentId, cancellationToken);
        if (assignment is null || !await access.CanAsync(Operation.ManageFollowUp, assignment.OrganId, null, cancellationToken))
        {
            return Error.NotFound("Uppdraget");
        }

        db.SetOriginalVersion(assignment, request.Version);
        try
        {
            assignment.Describe(assignment.Task, request.Comment);
        }
        catch (DomainException ex)
        {
            return Error.Invalid(ex.Message);
        }

        return await db.SaveOrConflictAsync(assignment, assignment.Id, cancellationToken);
    }

    /// <summary>The organ's assignments in the layout of "Fattade politiska beslut", oldest decision first; readable as the overview is.</summary>
    public async Task<Result<DecisionListDocumentModel>> ListAsync(Guid organId, CancellationToken cancellationToken = default)
    {
        var grants = await access.SnapshotAsync(cancellationToken);
        if (!grants.Can(Operation.ReadAuditMaterial, organId) && !grants.Can(Operation.ManageFollowUp, organId))
        {
            return Error.NotFound("Organet");
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var organ = await db.Organs.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organId, cancellationToken);
        if (organ is null)
        {
            return Error.NotFound("Organet");
        }

        var today = SwedishTime.LocalDate(clock.GetUtcNow());
        var assignments = await db.Assignments.AsNoTracking().Where(a => a.OrganId == organId).ToListAsync(cancellationToken);
        var caseIds = assignments.Where(a => a.CaseId is not null).Select(a => a.CaseId!.Value).Distinct().ToList();
        var caseNumbers = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number, cancellationToken);
        var lines = assignments
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Reference, StringComparer.Ordinal)
            .Select(a => new DecisionListLine(
                a.Task, a.Reference, a.CaseId is { } c ? caseNumbers.GetValueOrDefault(c) : null, a.Responsible, a.DueOn, a.Status.SwedishName(), a.IsLate(today), a.Comment))
            .ToList();
        return Result<DecisionListDocumentModel>.Ok(new DecisionListDocumentModel(organ.Name, today, lines));
    }

    /// <summary>The list printed as a PDF (a page or two: printed at once, not as a background job).</summary>
    public async Task<Result<ExportedFile>> PdfAsync(Guid organId, CancellationToken cancellationToken = default)
    {
        var list = await ListAsync(organId, cancellationToken);
        if (list.Error is { } error)
        {
            return error;
        }

        var model = list.Value!;
        var bytes = await pdf.RenderAsync(model, model.Layout(), cancellationToken);
        return Result<ExportedFile>.Ok(new ExportedFile($"fattade-politiska-beslut-{model.PrintedOn:yyyy-MM-dd}.pdf", "application/pdf", bytes));
    }

    /// <summary>"SUN 2026-10-14 § 98".</summary>
    public static string Reference(string organShortName, DateOnly meetingDate, int sectionNumber) =>
        $"{organShortName} {meetingDate:yyyy-MM-dd} § {sectionNumber}";

    /// <summary>
    /// The first att-sats that gives someone a task ("uppdrar åt förvaltningen att …", "ger … i uppdrag att …"); none for a
    /// secret § (one with an OSL provision): the list is read by the organ's members and its revisors.
    /// </summary>
    public static string? SuggestedTask(IReadOnlyList<string> decisions, string? secrecyProvision) =>
        secrecyProvision is not null ? null : decisions?.FirstOrDefault(d => d.Contains("uppdra", StringComparison.OrdinalIgnoreCase) || d.Contains("i uppdrag", StringComparison.OrdinalIgnoreCase));
}
