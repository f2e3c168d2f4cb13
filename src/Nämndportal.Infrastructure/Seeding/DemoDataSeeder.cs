using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.Organisation;
using Nämndportal.Infrastructure.Identity;
using Nämndportal.Infrastructure.Persistence;

namespace Nämndportal.Infrastructure.Seeding;

/// <summary>
/// Fictitious demo data for development and tests: Exempelby kommun with its fullmäktige, kommunstyrelse, two nämnder and the
/// two utskott of one of them, their elected members for the term of the day of seeding (see <see cref="DemoTerm"/> and
/// <see cref="DemoRoster"/>; the same members again for the next term when the demo meetings reach into it), one
/// login per role, a few meetings around the day of seeding, and the cases of <see cref="DemoCases"/>. The organisation
/// and the cases are added in one transaction, once: if the demo administrator exists, they are not added again. The
/// cases' handlingar and tjänsteskrivelser then go through the portal's own use cases (<see cref="DemoCaseContent"/>),
/// each case once, and so do Lars Ledamot's and Erika Ersättare's reading of their organs' next meetings (<see cref="DemoReaderContent"/>).
/// </summary>
public sealed class DemoDataSeeder(
    AppDbContext db,
    UserManager<ApplicationUser> users,
    IUserStore<ApplicationUser> userStore,
    TimeProvider clock,
    DemoCaseContent caseContent,
    DemoMeetingContent meetingContent,
    DemoReaderContent readerContent,
    DemoMinutesContent minutesContent,
    DemoDelegationContent delegationContent,
    DemoAuditContent auditContent,
    IConfiguration configuration,
    ILogger<DemoDataSeeder> logger)
{
    /// <summary>The day, counted from the day of seeding, of the last demo meeting (Omsorgsnämnden's meeting after next).</summary>
    private const int LastMeetingDay = 37;

    /// <summary>
    /// Whether the demo kallelser (Omsorgsnämnden's and fullmäktige's) are sent at seeding; on by default. The end-to-end
    /// tests that start a portal of their own for something else (login, search, the organisation) turn it off, so the
    /// sending jobs' printing does not compete with them; the shared test portal and ./dev.sh run keep it.
    /// </summary>
    private bool SendKallelser => configuration.GetValue("Database:SendDemoKallelser", true);

    public async Task<bool> SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await users.FindByEmailAsync(DemoUsers.All[0].Email) is not null)
        {
            // Seeded before. The cases' handlingar and tjänsteskrivelser are added in steps after the first transaction:
            // finish them if a start was stopped half-way (or the database was seeded before the demo cases had any).
            var completed = await caseContent.AddAsync(cancellationToken);
            var posted = SendKallelser && await meetingContent.SendNextFullmaktigeKallelseAsync(cancellationToken);
            var read = await readerContent.AddAsync(cancellationToken);
            var delegation = await delegationContent.AddAsync(cancellationToken);
            var followUp = await auditContent.AddAsync(cancellationToken);
            return completed.Handlingar + completed.Reports > 0 || posted || read || delegation || followUp;
        }

        var started = clock.GetTimestamp();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var accounts = new Dictionary<string, ApplicationUser>();
        foreach (var demo in DemoUsers.All)
        {
            accounts[demo.Role] = await CreateUserAsync(demo, cancellationToken);
        }

        var parties = await db.Parties.ToDictionaryAsync(p => p.Abbreviation, cancellationToken);
        // The national parties are reference data the DatabaseInitializer adds; only the local party is demo data.
        if (Party.National().FirstOrDefault(n => !parties.ContainsKey(n.Abbreviation)) is { } missing)
        {
            throw new InvalidOperationException($"Party {missing.Abbreviation} is missing: run the DatabaseInitializer before the demo seeder.");
        }

        if (!parties.ContainsKey("EBP"))
        {
            parties["EBP"] = new Party("EBP", "Exempelbypartiet", isLocal: true);
            db.Parties.Add(parties["EBP"]);
        }

        var ks = new Organ("Kommunstyrelsen", "KS", OrganKind.Kommunstyrelse, "KS") { DefaultMeetingPlace = "Kommunhuset, sessionssalen" };
        var omn = new Organ("Omsorgsnämnden", "OMN", OrganKind.Namnd, "OMF") { DefaultMeetingPlace = "Kommunhuset, sammanträdesrum Björken" };
        var sun = new Organ("Social- och utbildningsnämnden", "SUN", OrganKind.Namnd, "SUN") { DefaultMeetingPlace = "Stadshuset, sammanträdesrum Säfsen" };
        var sunAu = new Organ("Social- och utbildningsnämndens arbetsutskott", "SUN AU", OrganKind.Utskott, "SUN", sun.Id) { DefaultMeetingPlace = "Stadshuset, sammanträdesrum Säfsen" };
        var sunIu = new Organ("Social- och utbildningsnämndens individutskott", "SUN IU", OrganKind.Utskott, "SUN", sun.Id) { DefaultMeetingPlace = "Stadshuset, sammanträdesrum Källan" };
        // Diarienummer as the examples municipalities use: OMF-2024-149 (the default), SUN 2023/639, KS 2022/246.
        ks.SetCaseNumberPattern("{prefix} {year}/{number}");
        sun.SetCaseNumberPattern("{prefix} {year}/{number}");
        // The number of ledamöter fullmäktige decided for each organ: quorum is counted on these seats.
        foreach (var (organ, seats) in new[] { (ks, 13), (omn, 11), (sun, 13), (sunAu, 5), (sunIu, 3) })
        {
            organ.Update(organ.Name, organ.ShortName, organ.Kind, organ.CaseNumberPrefix, organ.ParentId, null, organ.DefaultMeetingPlace,
                new OrganRules(5, 14, 1, false, false, numberOfSeats: seats));
        }
        var kf = DemoNoticeBoard.NewFullmaktige();
        var organs = new[] { kf, ks, omn, sun, sunAu, sunIu };
        db.Organs.AddRange(organs);

        db.OrganOfficials.AddRange(
            new OrganOfficial(accounts[Roles.Secretary].Id, omn.Id, OfficialFunction.Namndsekreterare),
            new OrganOfficial(accounts[Roles.Secretary].Id, sun.Id, OfficialFunction.Namndsekreterare),
            new OrganOfficial(accounts[Roles.CaseOfficer].Id, omn.Id, OfficialFunction.Handlaggare));

        var today = SwedishTime.LocalDate(clock.GetUtcNow());
        var term = DemoTerm(today);
        db.Terms.Add(term);
        var roster = new DemoRoster(term, parties);
        var member = roster.AddPerson("Lars", "Ledamot", "ledamot@exempelby.se", "S");
        member.UserId = accounts[Roles.Member].Id;
        var substitute = roster.AddPerson("Erika", "Ersättare", "ersattare@exempelby.se", "S");
        substitute.UserId = accounts[Roles.Substitute].Id;

        roster.Fill(ks, DemoRoster.Kommunstyrelsen);
        roster.Fill(omn, DemoRoster.Omsorgsnamnden, seat => seat == Seat.Ledamot("S", 2) ? member : null);
        var sunSeats = roster.Fill(sun, DemoRoster.SocialOchUtbildningsnamnden, seat => seat == Seat.Ersattare("S", 2) ? substitute : null);
        roster.Replace(sun, sunSeats[Seat.Ledamot("KD", 1)], new DateOnly(term.StartsOn.Year + 2, 6, 30), roster.NewPerson("KD"));
        roster.Fill(sunAu, DemoRoster.Arbetsutskottet, roster.MembersOf(sunSeats));
        roster.Fill(sunIu, DemoRoster.Individutskottet, roster.MembersOf(sunSeats));
        // Last, so the invented names of the other organs' members stay as they were.
        roster.Fill(kf, DemoNoticeBoard.FullmaktigeSeats);
        if (today.AddDays(LastMeetingDay) > term.EndsOn)
        {
            // The demo meetings reach into the next term, whose members the election has chosen: the same ones.
            var next = DemoTerm(term.EndsOn.AddDays(1));
            db.Terms.Add(next);
            roster.ReElect(next);
        }

        db.Persons.AddRange(roster.Persons);
        db.Memberships.AddRange(roster.Memberships);

        foreach (var (absentParty, then) in DemoRoster.OmsorgsnamndenSubstitutionTable)
        {
            db.SubstitutionRules.AddRange(then.Select((party, i) => new SubstitutionRule(omn.Id, parties[absentParty].Id, i + 1, parties[party].Id)));
        }

        var meetings = new[]
        {
            MeetingOn(omn, today.AddDays(-21), new TimeOnly(13, 0), new TimeOnly(15, 30)),
            MeetingOn(omn, today.AddDays(9), new TimeOnly(13, 0), new TimeOnly(16, 0)),
            MeetingOn(omn, today.AddDays(LastMeetingDay), new TimeOnly(13, 0), new TimeOnly(16, 0)),
            MeetingOn(sun, today.AddDays(14), new TimeOnly(14, 0), new TimeOnly(17, 0)),
            MeetingOn(ks, today.AddDays(21), new TimeOnly(9, 0), new TimeOnly(12, 0)),
            MeetingOn(sunAu, today.AddDays(-14), new TimeOnly(8, 30), new TimeOnly(11, 0)),
            MeetingOn(sunAu, today.AddDays(7), new TimeOnly(8, 30), new TimeOnly(11, 0)),
            MeetingOn(sunIu, today.AddDays(2), new TimeOnly(9, 0), new TimeOnly(10, 30)),
            MeetingOn(sunIu, today.AddDays(23), new TimeOnly(9, 0), new TimeOnly(10, 30)),
        };
        db.Meetings.AddRange(meetings);

        omn.SetReportSettings("Omsorgsförvaltningen", Organ.DefaultConsequenceHeadings);
        sun.SetReportSettings("Social- och utbildningsförvaltningen", ["Ekonomi", "Barnperspektiv", "Jämställdhet"]);
        ks.SetReportSettings("Kommunledningsförvaltningen", ["Ekonomi", "Miljö", "Barnperspektiv"]);
        var officer = accounts[Roles.CaseOfficer].Id;
        var secretary = accounts[Roles.Secretary].Id;
        var byShortName = organs.ToDictionary(o => o.ShortName);
        var cases = new List<Case>();
        foreach (var (demo, i) in DemoCases.All.Select((demo, i) => (demo, i)))
        {
            var organ = byShortName[demo.Organ];
            Guid? caseOfficer = organ == omn ? officer : organ == sun ? secretary : null;
            var registeredOn = today.AddDays(-45 + (3 * i));
            var sequence = await db.NextCaseSequenceAsync(organ.CaseNumberPrefix, today.Year, null, cancellationToken);
            var @case = new Case(organ.Id, organ.CaseNumberPrefix, today.Year, sequence,
                CaseNumberFormat.Parse(organ.CaseNumberPattern).Format(organ.CaseNumberPrefix, today.Year, sequence), demo.Title, registeredOn, caseOfficer);
            var at = SwedishTime.FromLocal(registeredOn, new TimeOnly(9, 0));
            db.CaseEvents.Add(CaseEvent.Registered(@case.Id, at, "registrator@exempelby.se"));
            foreach (var next in demo.Path)
            {
                at = at.AddDays(5);
                db.CaseEvents.Add(CaseEvent.StatusChanged(@case.Id, at, "handlaggare@exempelby.se", @case.Status, next));
                @case.MoveTo(next);
            }

            cases.Add(@case);
        }

        db.Cases.AddRange(cases);

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var organisationDone = clock.GetElapsedTime(started);
        var content = await caseContent.AddAsync(cancellationToken);
        await meetingContent.BuildNextOmsorgsnamndenAgendaAsync(cancellationToken);
        await meetingContent.BuildNextSocialOchUtbildningsnamndenAgendaAsync(cancellationToken);
        if (SendKallelser)
        {
            await meetingContent.SendNextOmsorgsnamndenKallelseAsync(cancellationToken);
            await meetingContent.SendNextFullmaktigeKallelseAsync(cancellationToken);
        }

        await readerContent.AddAsync(cancellationToken);
        await minutesContent.AddAsync(cancellationToken);
        await delegationContent.AddAsync(cancellationToken);
        await auditContent.AddAsync(cancellationToken);
        logger.LogInformation(
            "Demo data seeded: {Users} users, {Organs} organs, {Persons} persons, {Memberships} memberships, {Meetings} meetings, {Cases} cases in {OrganisationMs:F0} ms; {Handlingar} handlingar and {Reports} tjänsteskrivelser in {ContentMs:F0} ms",
            accounts.Count, organs.Length, roster.Persons.Count, roster.Memberships.Count, meetings.Length, cases.Count, organisationDone.TotalMilliseconds,
            content.Handlingar, content.Reports, (clock.GetElapsedTime(started) - organisationDone).TotalMilliseconds);
        return true;
    }

    /// <summary>
    /// The term of office (mandatperiod) that holds <paramref name="day"/>: four years from 1 January after an election
    /// year (2023–2026, 2027–2030, …), so the demo organs have members whatever the day the demo data is seeded on.
    /// </summary>
    public static Term DemoTerm(DateOnly day)
    {
        var start = 2023 + (4 * (int)Math.Floor((day.Year - 2023) / 4.0));
        return new Term($"{start}–{start + 3}", new DateOnly(start, 1, 1), new DateOnly(start + 3, 12, 31));
    }

    /// <summary>A demo meeting whose agenda starts, as a planned one does, with the organ's standard items.</summary>
    private static Meeting MeetingOn(Organ organ, DateOnly date, TimeOnly start, TimeOnly end)
    {
        var meeting = new Meeting(organ.Id, SwedishTime.FromLocal(date, start), SwedishTime.FromLocal(date, end), organ.DefaultMeetingPlace ?? "Kommunhuset");
        foreach (var title in organ.StandardAgendaItems)
        {
            meeting.AddItem(AgendaItemKind.Standard, title);
        }

        return meeting;
    }

    private async Task<ApplicationUser> CreateUserAsync(DemoUser demo, CancellationToken cancellationToken)
    {
        var user = new ApplicationUser
        {
            UserName = demo.Email,
            Email = demo.Email,
            EmailConfirmed = true,
            DisplayName = demo.DisplayName,
        };
        Check(await users.CreateAsync(user, DemoUsers.Password));
        Check(await users.AddToRoleAsync(user, demo.Role));

        if (demo.Role == Roles.Administrator)
        {
            // The administrator shows the second factor: a known authenticator key, printed by dev.sh.
            await ((IUserAuthenticatorKeyStore<ApplicationUser>)userStore).SetAuthenticatorKeyAsync(user, DemoUsers.AdministratorAuthenticatorKey, cancellationToken);
            Check(await users.UpdateAsync(user));
            Check(await users.SetTwoFactorEnabledAsync(user, true));
        }

        return user;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo user could not be created: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }
}
