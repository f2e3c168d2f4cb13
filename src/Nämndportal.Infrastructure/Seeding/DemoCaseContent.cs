using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nämndportal.Application.Cases;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Common;
using Nämndportal.Infrastructure.Identity;

namespace Nämndportal.Infrastructure.Seeding;

/// <summary>
/// Gives the demo cases their handlingar and tjänsteskrivelser through the portal's own use cases, as the case's
/// handläggare would: <see cref="AddDocumentHandler"/> checks each generated PDF, stores its bytes once per SHA-256 and
/// enqueues the text extraction, which runs here at once (<see cref="InlineJobScheduler"/>) so search finds the text before
/// the portal answers; <see cref="SaveOfficerReportHandler"/> sanitizes and indexes the report. The use cases get the
/// handläggare as the user and a clock set to the day the step happened in the story, so the timeline reads in order.
/// A case that already has handlingar (or a report) is left alone, so running it again adds nothing.
/// </summary>
public sealed class DemoCaseContent(
    IServiceProvider services,
    IServiceScopeFactory scopes,
    IAppDbContextFactory dbFactory,
    UserManager<ApplicationUser> users)
{
    private const string OfficerPhone = "031-390 06 50";

    public async Task<(int Handlingar, int Reports)> AddAsync(CancellationToken cancellationToken = default)
    {
        var titles = DemoCases.All.Select(c => c.Title).ToList();
        List<(Case Case, string Organ, string? Administration, bool HasDocuments, bool HasReport)> existing;
        await using (var db = await dbFactory.CreateAsync(cancellationToken))
        {
            var rows = await (from c in db.Cases.AsNoTracking()
                              join o in db.Organs on c.OrganId equals o.Id
                              where titles.Contains(c.Title)
                              select new
                              {
                                  Case = c, o.ShortName, o.Administration,
                                  HasDocuments = db.CaseDocuments.Any(d => d.CaseId == c.Id),
                                  HasReport = db.OfficerReports.Any(r => r.CaseId == c.Id),
                              }).ToListAsync(cancellationToken);
            existing = rows.Select(r => (r.Case, r.ShortName, (string?)r.Administration, r.HasDocuments, r.HasReport)).ToList();
        }

        var (handlingar, reports) = (0, 0);
        foreach (var demo in DemoCases.All)
        {
            var found = existing.FirstOrDefault(e => e.Case.Title == demo.Title && e.Organ == demo.Organ);
            if (found.Case?.CaseOfficerUserId is not { } officerId || await users.FindByIdAsync(officerId.ToString()) is not { } officer)
            {
                continue;
            }

            var actor = new DemoActor(officer.Id, officer.UserName!, await users.GetRolesAsync(officer));
            var registered = SwedishTime.FromLocal(found.Case.RegisteredOn, new TimeOnly(9, 0));
            if (!found.HasDocuments && demo.Handlingar.Count > 0)
            {
                handlingar += await AddHandlingarAsync(demo, found.Case, found.Administration, actor, registered, cancellationToken);
            }

            if (!found.HasReport && demo.Report is { } report)
            {
                await WriteReportAsync(report, found.Case, found.Administration, officer, actor, registered.AddDays(8), cancellationToken);
                reports++;
            }
        }

        return (handlingar, reports);
    }

    private async Task<int> AddHandlingarAsync(
        DemoCase demo, Case @case, string? administration, DemoActor actor, DateTimeOffset registered, CancellationToken cancellationToken)
    {
        var jobs = new InlineJobScheduler();
        foreach (var handling in demo.Handlingar)
        {
            var at = registered.AddDays(handling.DaysAfterRegistration);
            var handler = ActivatorUtilities.CreateInstance<AddDocumentHandler>(services, actor, AccessFor(actor), new DemoClock(at), jobs);
            var issuer = handling.Direction == DocumentDirection.Inkommen ? handling.Counterpart : administration ?? "Exempelby kommun";
            var result = await handler.HandleAsync(
                new AddDocument
                {
                    CaseId = @case.Id, Direction = handling.Direction, DocumentDate = SwedishTime.LocalDate(at), Counterpart = handling.Counterpart,
                    Description = handling.Description, HideCounterpartPublicly = handling.HideCounterpartPublicly,
                    HideDescriptionPublicly = handling.HideDescriptionPublicly, SecrecyProvision = handling.SecrecyProvision,
                    FileName = handling.FileName, Content = DemoPdf.Write(handling.Pdf, issuer),
                },
                cancellationToken);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"The demo handling {handling.FileName} could not be added: {result.Error!.Message}");
            }
        }

        // The text extraction the upload enqueued, run now: the demo's search works on the first page load.
        await jobs.RunAllAsync(scopes);
        return demo.Handlingar.Count;
    }

    private async Task WriteReportAsync(
        DemoReport report, Case @case, string? administration, ApplicationUser officer, DemoActor actor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        Dictionary<int, Guid> documents;
        await using (var db = await dbFactory.CreateAsync(cancellationToken))
        {
            documents = await db.CaseDocuments.AsNoTracking().Where(d => d.CaseId == @case.Id).ToDictionaryAsync(d => d.Ordinal, d => d.Id, cancellationToken);
        }

        var handler = ActivatorUtilities.CreateInstance<SaveOfficerReportHandler>(services, actor, AccessFor(actor), new DemoClock(at));
        var result = await handler.HandleAsync(
            new SaveOfficerReport
            {
                CaseId = @case.Id, Proposals = [.. report.Proposals], SummaryHtml = report.SummaryHtml, DescriptionHtml = report.DescriptionHtml,
                DecisionBasis = report.DecisionBasis.Where(documents.ContainsKey).Select(ordinal => documents[ordinal]).ToList(),
                Consequences = report.Consequences.Select(c => new ConsequenceInput { Heading = c.Heading, Html = c.Html }).ToList(),
                DispatchTo = [.. report.DispatchTo], Administration = administration, OfficerName = officer.DisplayName,
                OfficerTitle = actor.IsInRole(Roles.Secretary) ? "Nämndsekreterare" : "Utredare", OfficerEmail = officer.Email,
                OfficerPhone = OfficerPhone, ReportDate = SwedishTime.LocalDate(at),
            },
            cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The demo tjänsteskrivelse of {@case.Number} could not be saved: {result.Error!.Message}");
        }
    }

    private AccessService AccessFor(DemoActor actor) => ActivatorUtilities.CreateInstance<AccessService>(services, actor);
}
