using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nämndportal.Application.Common;
using Nämndportal.Application.Delegation;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Delegation;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.Organisation;
using Nämndportal.Infrastructure.Identity;

namespace Nämndportal.Infrastructure.Seeding;

/// <summary>
/// Social- och utbildningsnämnden's delegation register (issue 12), seeded once: a delegationsordning adopted in January,
/// six delegates holding their positions (Hanna Handläggare is the socialsekreterare, so she sees her own decisions),
/// about sixty decisions of the last weeks registered through the portal's own use case — consecutive numbers that the
/// report compresses into ranges, individual social-services cases, the individutskott's §§, an urgent decision by the
/// chair, one appealable decision that is not reported (for "Anslå beslutet") — five meddelanden, and the next meeting's
/// agenda carrying both reports as the documents of its standard items.
/// </summary>
public sealed class DemoDelegationContent(IServiceProvider services, IAppDbContextFactory dbFactory, UserManager<ApplicationUser> users, TimeProvider clock)
{
    private static readonly (string Title, string Name, string? Email)[] Holders =
    [
        ("Förvaltningschef", "Tomas Berglund", null),
        ("Verksamhetschef förskola", "Karin Lund", null),
        ("Verksamhetschef skola", "Per Holm", null),
        ("Rektor Solrosens förskola", "Elin Ek", null),
        ("Rektor Ekbackens skola 7–9", "Ali Rahimi", null),
        ("Socialsekreterare", "Hanna Handläggare", "handlaggare@exempelby.se"),
    ];

    public async Task<bool> AddAsync(CancellationToken cancellationToken = default)
    {
        var today = SwedishTime.LocalDate(clock.GetUtcNow());
        Guid organId;
        await using (var db = await dbFactory.CreateAsync(cancellationToken))
        {
            var organ = await db.Organs.SingleOrDefaultAsync(o => o.ShortName == "SUN", cancellationToken);
            if (organ is null || await db.DelegationSchemes.AnyAsync(cancellationToken))
            {
                return false;
            }

            organId = organ.Id;
            var iu = await db.Organs.SingleAsync(o => o.ShortName == "SUN IU", cancellationToken);
            var chief = DelegateRole.Position("Förvaltningschef");
            var preschool = DelegateRole.Position("Verksamhetschef förskola");
            var school = DelegateRole.Position("Verksamhetschef skola");
            var adopted = new DateOnly(today.Year, 1, 28);
            var scheme = new DelegationScheme(organ.Id, 1, $"SUN {adopted:yyyy-MM-dd} § 9", adopted.AddDays(4) <= today ? adopted.AddDays(4) : today.AddDays(-60));
            DelegationPoint P(string code, string matter, DelegationMatterKind kind, DelegateRole[] to, DelegateRole[]? subs, string? law, bool report = true, bool passOn = false) =>
                new(code, matter, kind, to, subs, law, passOn, report);
            foreach (var point in new[]
            {
                P("1.1", "Förordnande av tillförordnad verksamhetschef och rektor", DelegationMatterKind.Ordinary, [chief], null, "KL 7 kap. 5 §"),
                P("1.2", "Attestantlistor och ändringar i dem", DelegationMatterKind.Ordinary, [chief], null, "Kommunens attestreglemente"),
                P("1.3", "Yttrande över remiss av mindre vikt", DelegationMatterKind.Ordinary, [chief], null, null, report: false),
                P("2.1", "Barnomsorg på obekväm arbetstid", DelegationMatterKind.AuthorityOverIndividuals, [preschool], [chief], "SL 25 kap. 5 §", passOn: true),
                P("2.2", "Tilläggsbelopp till fristående huvudman", DelegationMatterKind.AuthorityOverIndividuals, [preschool], [chief], "SL 8 kap. 23 §"),
                P("2.3", "Placering i förskola för barn i behov av särskilt stöd", DelegationMatterKind.AuthorityOverIndividuals, [DelegateRole.Position("Rektor Solrosens förskola")], [preschool], "SL 8 kap. 7 §"),
                P("3.1", "Skolbarnomsorg på obekväm arbetstid", DelegationMatterKind.AuthorityOverIndividuals, [school], [chief], "SL 25 kap. 5 §"),
                P("3.2", "Anställning av lärare", DelegationMatterKind.Ordinary, [DelegateRole.Position("Rektor Ekbackens skola 7–9")], [school], "LAS"),
                P("5.1", "Ekonomiskt bistånd till försörjning", DelegationMatterKind.AuthorityOverIndividuals, [DelegateRole.Position("Socialsekreterare")], [chief], "SoL 4 kap. 1 §"),
                P("6.1", "Omedelbart omhändertagande av barn och unga", DelegationMatterKind.AuthorityOverIndividuals, [DelegateRole.Committee(iu.Id, iu.Name)], null, "LVU 6 §"),
            })
            {
                scheme.SetPoint(point);
            }

            scheme.Establish(null, clock.GetUtcNow());
            AddOnwardAndDraft(db, scheme, today);

            db.DelegationSchemes.Add(scheme);
            foreach (var (title, name, email) in Holders)
            {
                var userId = email is null ? null : (await users.FindByEmailAsync(email))?.Id;
                db.PositionHolders.Add(new PositionHolder(organ.Id, title, userId, name, scheme.ValidFrom.AddYears(-2), null));
            }

            foreach (var (sender, days, dnr, reference, text) in new[]
            {
                ("Skolinspektionen", 30, "SUN 2026/366", "dnr SI 2026:5158", "Beslut efter tematisk tillsyn vid Björkdalens skola"),
                ("Kommunfullmäktige", 26, "SUN 2026/635", $"KF {today.AddDays(-27):yyyy-MM-dd} § 93", "Ramjusteringar 2027"),
                ("Skolinspektionen", 20, "SUN 2026/584", "dnr 2026:4347", "Beslut efter kvalitetsgranskning av Solrosens förskola"),
                ("Kommunstyrelsen", 14, "SUN 2026/114", $"KS {today.AddDays(-15):yyyy-MM-dd} § 204", "Mål och riktlinjer för det minoritetspolitiska arbetet"),
                ("Arbetsmiljöverket", 6, "SUN 2026/702", "dnr 2026/041233", "Inspektionsmeddelande efter inspektion av Ekbackens skola"),
            })
            {
                db.BoardMessages.Add(new BoardMessage(organ.Id, sender, today.AddDays(-days), dnr, reference, text, null, today));
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        if (await users.FindByEmailAsync(DemoUsers.All.Single(u => u.Role == Roles.Registrar).Email) is not { } registrar)
        {
            return false;
        }

        var actor = new DemoActor(registrar.Id, registrar.UserName!, await users.GetRolesAsync(registrar));
        var access = ActivatorUtilities.CreateInstance<AccessService>(services, actor);
        var register = ActivatorUtilities.CreateInstance<RegisterDelegatedDecisionsHandler>(services, access, actor);
        var result = await register.HandleAsync(new RegisterDelegatedDecisions(organId, Rows(today)), cancellationToken);
        if (result.Value is not { Succeeded: true })
        {
            throw new InvalidOperationException("The demo delegationsbeslut were refused: " + (result.Error?.Message ?? string.Join("; ", result.Value!.Problems)));
        }

        await AttachDocumentsAsync(organId, access, actor, cancellationToken);
        await PutReportsOnNextMeetingAsync(organId, today, cancellationToken);
        return true;
    }

    /// <summary>About sixty decisions of the last six weeks, oldest first.</summary>
    private static List<DecisionRow> Rows(DateOnly today)
    {
        var rows = new List<DecisionRow>();
        void Add(int daysAgo, string point, string role, string description, string? dnr = null, bool appealable = false, bool individual = false, bool urgent = false, string? section = null) =>
            rows.Add(new DecisionRow(rows.Count + 1, point, role, null, today.AddDays(-daysAgo).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                dnr, description, Outcome(description, rows.Count), appealable, individual, urgent, section));

        Add(40, "1.1", "Förvaltningschef", "Förordnande som tf verksamhetschef förskola", "SUN 2026/601");
        Add(38, "1.2", "Förvaltningschef", "Attestantlistor 2027", "SUN 2026/639");
        for (var i = 0; i < 4; i++)
        {
            Add(37 - i, "2.1", "Verksamhetschef förskola", "Beslut om barnomsorg på obekväm arbetstid", appealable: true);
        }

        Add(32, "2.2", "Verksamhetschef förskola", "Beslut om tilläggsbelopp till fristående huvudman", "SUN 2026/200", appealable: true);
        for (var i = 0; i < 5; i++)
        {
            Add(30 - i, "2.1", "Verksamhetschef förskola", "Beslut om barnomsorg på obekväm arbetstid", appealable: true);
        }

        for (var i = 0; i < 3; i++)
        {
            Add(35 - (i * 4), "2.3", "Rektor Solrosens förskola", "Placering i förskola – barn i behov av särskilt stöd", $"SUN 2026/{471 + i}", appealable: true);
        }

        for (var i = 0; i < 2; i++)
        {
            Add(34 - i, "3.1", "Verksamhetschef skola", "Beslut om skolbarnomsorg på obekväm arbetstid", appealable: true);
        }

        Add(29, "1.1", "Förvaltningschef", "Förordnande som tf rektor vid Ekbackens skola 7–9 under ordinarie rektors ledighet");
        for (var i = 0; i < 3; i++)
        {
            Add(27 - i, "3.1", "Verksamhetschef skola", "Beslut om skolbarnomsorg på obekväm arbetstid", appealable: true);
        }

        for (var i = 0; i < 6; i++)
        {
            Add(33 - (i * 3), "3.2", "Rektor Ekbackens skola 7–9", i < 4 ? "Visstidsanställning av lärare" : "Tillsvidareanställning av lärare");
        }

        for (var i = 0; i < 16; i++)
        {
            Add(36 - (i * 2), "5.1", "Socialsekreterare", "Beslut om ekonomiskt bistånd till försörjning", $"SUN 2026/{903 + i}", appealable: true, individual: true);
        }

        foreach (var (days, section) in new[] { (31, "41"), (31, "42"), (31, "43"), (17, "52"), (17, "53"), (17, "54"), (17, "55") })
        {
            Add(days, "6.1", "Social- och utbildningsnämndens individutskott", "Omedelbart omhändertagande enligt LVU", section: section);
        }

        Add(12, string.Empty, "Ordförande", "Yttrande till förvaltningsrätten i mål om skolplacering, som inte kunde vänta till nämndens sammanträde", "SUN 2026/688", urgent: true);
        Add(9, "1.3", "Förvaltningschef", "Yttrande över Trafikverkets remiss om busshållplatser vid Björkdalens skola", "SUN 2026/690", appealable: true);
        for (var i = 0; i < 4; i++)
        {
            Add(8 - i, "2.1", "Verksamhetschef förskola", "Beslut om barnomsorg på obekväm arbetstid", appealable: true);
        }

        Add(3, "2.1", "Biträdande verksamhetschef förskola", "Beslut om barnomsorg på obekväm arbetstid", appealable: true);

        return rows;
    }

    /// <summary>What an application was met with: mostly bifall, now and then avslag; appointments and statements have none.</summary>
    private static string? Outcome(string description, int row) =>
        description.StartsWith("Beslut om", StringComparison.Ordinal) || description.StartsWith("Placering", StringComparison.Ordinal)
            ? (row % 7 == 3 ? "Avslag" : "Bifall")
            : null;

    /// <summary>
    /// The decision documents of the first decisions (the förvaltningschef's förordnanden and attestantlistor, the
    /// tilläggsbelopp, one individual case, stored as secret), uploaded as the registrar would; the rest are kept elsewhere
    /// (the report's footnote says so).
    /// </summary>
    private async Task AttachDocumentsAsync(Guid organId, AccessService access, DemoActor actor, CancellationToken cancellationToken)
    {
        List<(Guid Id, uint Version, string Number, string Description, bool Individual, string Delegate)> chosen;
        await using (var db = await dbFactory.CreateAsync(cancellationToken))
        {
            var all = await db.DelegatedDecisions.AsNoTracking().Where(d => d.OrganId == organId).OrderBy(d => d.DecidedOn).ThenBy(d => d.Number).ToListAsync(cancellationToken);
            chosen = all.Where(d => d.PointCode is "1.1" or "1.2" or "2.2").Concat(all.Where(d => d.IndividualCase).Take(1))
                .Select(d => (d.Id, d.Version, d.NumberText, d.Description, d.IndividualCase, d.DelegateName)).ToList();
        }

        var attach = ActivatorUtilities.CreateInstance<AttachDecisionDocumentHandler>(services, access, actor);
        foreach (var d in chosen)
        {
            var content = new DemoPdfContent(
                $"Delegationsbeslut {d.Number}",
                ["Social- och utbildningsnämnden, Exempelby kommun", $"Beslutsfattare: {d.Delegate}"],
                [new DemoPdfSection("Beslut", [d.Individual ? "Beslut i ett enskilt ärende om ekonomiskt bistånd (demodata, inga uppgifter om någon person)." : d.Description + "."]),
                 new DemoPdfSection("Hur man överklagar", ["Beslutet kan överklagas enligt den beskrivning som bifogas beslutet."])]);
            var result = await attach.HandleAsync(
                new AttachDecisionDocument(d.Id, d.Version, $"Delegationsbeslut {d.Number.Replace('/', '-')}.pdf", DemoPdf.Write(content, "Social- och utbildningsförvaltningen")),
                cancellationToken);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("A demo decision document was refused: " + result.Error!.Message);
            }
        }
    }

    /// <summary>
    /// The förvaltningschef has passed point 2.1 on to the biträdande verksamhetschef (who holds the position), and the next
    /// version of the delegationsordning is a draft: adopted in December, valid from the new year, with point 2.1 now allowing
    /// the rektorer of the förskolor too.
    /// </summary>
    private static void AddOnwardAndDraft(IAppDbContext db, DelegationScheme scheme, DateOnly today)
    {
        db.PositionHolders.Add(new PositionHolder(scheme.OrganId, "Biträdande verksamhetschef förskola", null, "Sofia Nyberg", scheme.ValidFrom, null));
        db.OnwardDelegations.Add(new OnwardDelegation(scheme.OrganId, scheme.Point("2.1")!, "Biträdande verksamhetschef förskola", "Tomas Berglund", scheme.ValidFrom.AddDays(14), null));
        var draft = scheme.DraftSuccessor($"Förslag till SUN {today.AddDays(10):yyyy-MM-dd}", new DateOnly(today.Year + 1, 1, 1));
        var old = draft.Point("2.1")!;
        draft.SetPoint(new DelegationPoint(old.Code, old.Matter, old.MatterKind, [.. old.Delegates], [.. old.Substitutes, DelegateRole.Position("Rektor Solrosens förskola")], old.LawReference, old.MayPassOn, old.MustReport));
        draft.SetPoint(new DelegationPoint("1.4", "Beslut om att inte lämna ut allmän handling och att uppställa förbehåll", DelegationMatterKind.AuthorityOverIndividuals,
            [DelegateRole.Position("Förvaltningschef")], null, "OSL 6 kap. 3 §, 10 kap. 4 §", false, true));
        db.DelegationSchemes.Add(draft);
    }

    /// <summary>The next meeting's standard items carry the reports, with the brytdatum a week before it.</summary>
    private async Task PutReportsOnNextMeetingAsync(Guid organId, DateOnly today, CancellationToken cancellationToken)
    {
        var admin = await users.FindByEmailAsync(DemoUsers.All.Single(u => u.Role == Roles.Administrator).Email);
        if (admin is null)
        {
            return;
        }

        Meeting? meeting;
        await using (var db = await dbFactory.CreateAsync(cancellationToken))
        {
            var after = SwedishTime.FromLocal(today.AddDays(1), TimeOnly.MinValue);
            meeting = await db.Meetings.AsNoTracking().Include("_items")
                .Where(m => m.OrganId == organId && m.StartsAt >= after && m.Status == MeetingStatus.Planerat)
                .OrderBy(m => m.StartsAt).FirstOrDefaultAsync(cancellationToken);
        }

        if (meeting is null)
        {
            return;
        }

        var actor = new DemoActor(admin.Id, admin.UserName!, await users.GetRolesAsync(admin));
        var access = ActivatorUtilities.CreateInstance<AccessService>(services, actor);
        var setReport = ActivatorUtilities.CreateInstance<SetAgendaReportHandler>(services, access);
        var cutOff = meeting.LocalDate.AddDays(-7) < today ? meeting.LocalDate.AddDays(-7) : today;
        var version = meeting.Version;
        foreach (var (title, kind) in new[] { ("Redovisning av delegationsbeslut", AgendaReport.DelegatedDecisions), ("Redovisning av meddelanden", AgendaReport.Messages) })
        {
            if (meeting.Items.FirstOrDefault(i => i.Title == title) is { } item)
            {
                var set = await setReport.HandleAsync(new SetAgendaReport(meeting.Id, version, item.Id, kind, cutOff), cancellationToken);
                version = set.Value?.Version ?? throw new InvalidOperationException("The demo report was refused: " + set.Error!.Message);
            }
        }
    }
}
