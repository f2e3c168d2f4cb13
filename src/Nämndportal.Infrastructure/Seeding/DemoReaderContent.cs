using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nämndportal.Application.Cases;
using Nämndportal.Application.Common;
using Nämndportal.Application.Reader;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.Organisation;
using Nämndportal.Infrastructure.Identity;

namespace Nämndportal.Infrastructure.Seeding;

/// <summary>
/// Lars Ledamot's reading of Omsorgsnämnden's next meeting, so a newcomer's first look at the reader shows every state:
/// notes on an item and on a page of a handling (with a quote taken from the handling's extracted text), a note Lars shares
/// with the organ's ordförande and one the ordförande shares with him, handlingar read and unread, and the Kommunala
/// pensionärsrådet's yttrande that Lars read and annotated before a completed version arrived: it is "ändrad sedan du läste",
/// one of his notes on it moved to the page where its quote now stands, the other flagged because its quote is gone.
/// Erika Ersättare reads Social- och utbildningsnämnden's next meeting the same way, with notes, a shared note and read
/// and unread handlingar (<see cref="AddSubstituteReadingAsync"/>).
/// Everything goes through the portal's own use cases as the people involved; the new version is uploaded as the case's
/// handläggare, and its text extraction and the moving of the notes run here at once (<see cref="InlineJobScheduler"/>),
/// so the states are there when the portal answers. The ordförande gets a login of their own (<see cref="ColleagueRole"/>)
/// the first time. Each step is done once: a later start finds it done and adds nothing.
/// </summary>
public sealed class DemoReaderContent(
    IServiceProvider services,
    IServiceScopeFactory scopes,
    IAppDbContextFactory dbFactory,
    UserManager<ApplicationUser> users,
    TimeProvider clock,
    ILogger<DemoReaderContent> logger)
{
    /// <summary>The membership role of the other Omsorgsnämnden member who gets a demo login: the ordförande.</summary>
    public const MembershipRole ColleagueRole = MembershipRole.Ordforande;

    public const string RevisionReportFile = "revisionsrapport-hemtjanstens-bemanning.pdf";
    public const string MotionFile = "motion-trygghetsboende-norrby.pdf";
    public const string CouncilStatementFile = "yttrande-kpr-trygghetsboende.pdf";
    public const string CouncilStatementVersion2File = "yttrande-kpr-trygghetsboende-komplettering.pdf";

    /// <summary>In the revision report, which gets no new version.</summary>
    public const string RevisionQuote = "Kostnaden för övertid har ökat med 22 procent på två år.";

    /// <summary>On the last page of the council's first version; a page further on in the second.</summary>
    public const string MovedQuote = "Enkäten besvarades av 155 av 240 tillfrågade medlemmar.";

    /// <summary>In the council's first version; gone from the second.</summary>
    public const string GoneQuote = "Rådet föreslår att pensionärsorganisationerna får delta i utredningen som referensgrupp.";

    /// <summary>In the motion, quoted in the ordförande's note to Lars.</summary>
    public const string MotionQuote = "senast i december 2027";

    /// <summary>
    /// The council's completed yttrande: its proposal on the utredning changed (so <see cref="GoneQuote"/> is gone) and a new
    /// page on rent and service before the survey (so the survey, with <see cref="MovedQuote"/>, comes a page later).
    /// </summary>
    internal static DemoPdfContent CouncilStatementVersion2 { get; } = new(
        "Yttrande från Kommunala pensionärsrådet",
        ["Ärende: Motion om trygghetsboende i Norrby", "Kommunala pensionärsrådet, sammanträde i november 2026", "Kompletterat yttrande efter rådets extra sammanträde"],
        [
            new("Rådets synpunkter",
            [
                "Kommunala pensionärsrådet välkomnar motionen. Rådet har under flera år påtalat att det saknas boendeformer mellan det ordinära boendet och det särskilda boendet i kommunens norra del.",
                "Rådet vill särskilt framhålla att en bovärd med fasta tider är avgörande för att boendet ska upplevas som tryggt, och att hyresnivån måste vara rimlig för en person med garantipension.",
                "Rådet begär att två av rådets ledamöter ingår i utredningens styrgrupp, med samma rätt till underlag som bostadsbolagets representanter.",
            ]),
            new("Hyresnivå och service",
            [
                "Vid sitt extra sammanträde har rådet gått igenom hyrorna i de trygghetsboenden som grannkommunerna har byggt de senaste fem åren.",
                "Hyra per månad\tTvå rum\tTre rum",
                "Grannkommunernas genomsnitt\t7 900\t9 600",
                "Rådets förslag till högsta hyra\t7 200\t8 700",
                "Rådet anser att kostnaden för bovärden och gemensamhetslokalen inte ska läggas på hyran utan bäras av omsorgsnämnden.",
            ], NewPage: true),
            new("Underlag från rådets enkät",
            [
                "Rådet frågade sina medlemsföreningar hösten 2026 om intresset för ett trygghetsboende.",
                "Svar\tAntal\tProcent",
                "Mycket intresserad\t48\t31",
                "Ganska intresserad\t57\t37",
                "Inte intresserad\t39\t25",
                "Vet inte\t11\t7",
                MovedQuote,
            ], NewPage: true),
        ]);

    /// <summary>In the skolskjuts guidelines, quoted in Erika's note on Social- och utbildningsnämnden's next meeting.</summary>
    public const string SchoolTransportQuote = "En elev i växelvis boende kan få skolskjuts från båda vårdnadshavarnas adresser om båda ligger i kommunen.";

    public const string SchoolTransportFile = "riktlinjer-skolskjuts-forslag.pdf";
    public const string SchoolYearFile = "lasarstider-2027-2028.pdf";
    public const string BudgetFile = "internbudget-2027-sun.pdf";

    /// <summary>Adds what is missing of Lars's and Erika's reading; returns whether anything was added.</summary>
    public async Task<bool> AddAsync(CancellationToken cancellationToken = default)
    {
        var added = await AddMemberReadingAsync(cancellationToken);
        return await AddSubstituteReadingAsync(cancellationToken) | added;
    }

    /// <summary>Lars Ledamot on Omsorgsnämnden's next meeting: every state, a new version of a handling he annotated included.</summary>
    private async Task<bool> AddMemberReadingAsync(CancellationToken cancellationToken)
    {
        if (await FindAsync("OMN", Roles.Member, cancellationToken) is not { } found)
        {
            return false;
        }

        var reading = await BeginAsync(found, cancellationToken);
        if (reading.HasNotes is null)
        {
            return reading.LoginAdded;
        }

        var added = reading.LoginAdded;
        if (reading.HasNotes == false)
        {
            await ReadAndAnnotateAsync(found, reading.Reader, reading.Colleague, cancellationToken);
            added = true;
        }

        added |= await CompleteCouncilStatementAsync(found, cancellationToken);
        return added;
    }

    /// <summary>
    /// Erika Ersättare on Social- och utbildningsnämnden's next meeting, whose agenda <see cref="DemoMeetingContent"/>
    /// builds: the budget and the school year read, the rest unread, a note on the information item, a note on a quote of
    /// the skolskjuts guidelines, and a note she shares with the nämnd's ordförande (who gets a login, as Omsorgsnämndens does).
    /// </summary>
    private async Task<bool> AddSubstituteReadingAsync(CancellationToken cancellationToken)
    {
        if (await FindAsync("SUN", Roles.Substitute, cancellationToken) is not { } found)
        {
            return false;
        }

        var reading = await BeginAsync(found, cancellationToken);
        if (reading.HasNotes is not false)
        {
            return reading.LoginAdded;
        }

        var erika = reading.Reader;
        var read = ActivatorUtilities.CreateInstance<MarkDocumentReadHandler>(services, Access(erika));
        foreach (var document in new[] { Document(found, BudgetFile), Document(found, SchoolYearFile) })
        {
            Check(await read.HandleAsync(new MarkDocumentRead(found.MeetingId, document.VersionId), cancellationToken));
        }

        var information = found.ItemTitles.Single(i => i.Value.StartsWith("Verksamhetsinformation", StringComparison.Ordinal)).Key;
        var schoolYear = Document(found, SchoolYearFile);
        var add = ActivatorUtilities.CreateInstance<AddNoteHandler>(services, Access(erika));
        Check(await add.HandleAsync(new AddNote
        {
            MeetingId = found.MeetingId, AgendaItemId = information,
            Text = "Fråga hur lång väntetiden till skolpsykolog är i år, och om elevhälsan hinner med de nyanlända eleverna i Norrby.",
        }, cancellationToken));
        Check(await add.HandleAsync(await OnPageAsync(found, Document(found, SchoolTransportFile), SchoolTransportQuote,
            "Bra att växelvis boende kommer med. Gäller det också när ena föräldern bor i grannkommunen?", cancellationToken), cancellationToken));
        var shared = Check(await add.HandleAsync(new AddNote
        {
            MeetingId = found.MeetingId, AgendaItemId = schoolYear.ItemId,
            Text = "Höstlovet vecka 44 som grannkommunerna: bra för gymnasieeleverna. Kan gruppen stödja förslaget som det är?",
        }, cancellationToken));
        Check(await ActivatorUtilities.CreateInstance<ShareNoteHandler>(services, Access(erika))
            .HandleAsync(new ShareNote(shared.Id, reading.Colleague.UserId!.Value), cancellationToken));
        return true;
    }

    /// <summary>Where a reading stands: the reader, the ordförande (whose login is created the first time), and whether the reader has notes on the meeting yet (null: may not read it).</summary>
    private sealed record Reading(DemoActor Reader, DemoActor Colleague, bool LoginAdded, bool? HasNotes);

    private async Task<Reading> BeginAsync(Found found, CancellationToken cancellationToken)
    {
        var reader = await ActorAsync(found.Reader);
        var loginAdded = false;
        var colleague = found.ColleagueUserId;
        if (colleague is null)
        {
            colleague = await CreateColleagueLoginAsync(found.Colleague, cancellationToken);
            loginAdded = true;
        }

        var existing = await ActivatorUtilities.CreateInstance<ListNotesForMeetingHandler>(services, Access(reader))
            .HandleAsync(new ListNotesForMeeting(found.MeetingId), cancellationToken);
        if (!existing.Succeeded)
        {
            // The demo login holds no seat on the meeting's date: nothing for them to read.
            logger.LogInformation("Demo reader content skipped: {Reader} cannot read the meeting {MeetingId}", found.Reader.UserName, found.MeetingId);
        }

        var other = await ActorAsync((await users.FindByIdAsync(colleague.Value.ToString()))!);
        return new Reading(reader, other, loginAdded, existing.Succeeded ? existing.Value!.Count > 0 : null);
    }

    private sealed record Found(
        Guid MeetingId, ApplicationUser Reader, Person Colleague, Guid? ColleagueUserId, IReadOnlyList<AgendaDocument> Documents,
        IReadOnlyDictionary<Guid, string> ItemTitles);

    /// <summary>A handling on the meeting's agenda: the item it is on, its newest version, and the file name it was first uploaded as.</summary>
    private sealed record AgendaDocument(Guid ItemId, Guid DocumentId, Guid VersionId, int Number, string FirstFileName, Guid CaseId);

    /// <summary>
    /// The organ's next meeting with decision items on its agenda, the demo login of <paramref name="role"/> who reads
    /// it, and the organ's ordförande on its date.
    /// </summary>
    private async Task<Found?> FindAsync(string organ, string role, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(DemoUsers.All.Single(u => u.Role == role).Email) is not { } reader)
        {
            return null;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var dayStart = SwedishTime.FromLocal(SwedishTime.LocalDate(clock.GetUtcNow()), TimeOnly.MinValue);
        var meeting = await (from m in db.Meetings.AsNoTracking()
                             join o in db.Organs on m.OrganId equals o.Id
                             where o.ShortName == organ && m.StartsAt >= dayStart && m.Status != MeetingStatus.Installt
                                   && db.AgendaItems.Any(i => i.MeetingId == m.Id && i.Kind == AgendaItemKind.Decision)
                             orderby m.StartsAt
                             select m).FirstOrDefaultAsync(cancellationToken);
        if (meeting is null)
        {
            return null;
        }

        var date = meeting.LocalDate;
        var colleague = await (from ms in db.Memberships.AsNoTracking()
                               join p in db.Persons.AsNoTracking() on ms.PersonId equals p.Id
                               where ms.OrganId == meeting.OrganId && ms.Role == ColleagueRole
                                     && ms.ValidFrom <= date && (ms.ValidTo == null || ms.ValidTo >= date) && p.UserId != reader.Id
                               select p).FirstOrDefaultAsync(cancellationToken);
        if (colleague?.Email is null)
        {
            return null;
        }

        var items = await db.AgendaItems.AsNoTracking().Where(i => i.MeetingId == meeting.Id).ToDictionaryAsync(i => i.Id, i => i.Title, cancellationToken);
        var itemIds = items.Keys.ToList();
        var documents = await (from d in db.AgendaItemDocuments.AsNoTracking()
                               join v in db.DocumentVersions.AsNoTracking() on d.CaseDocumentId equals v.DocumentId
                               join first in db.DocumentVersions.AsNoTracking() on v.DocumentId equals first.DocumentId
                               where itemIds.Contains(d.AgendaItemId) && first.Number == 1
                                     && v.Number == db.DocumentVersions.Where(w => w.DocumentId == v.DocumentId).Max(w => w.Number)
                               select new AgendaDocument(d.AgendaItemId, v.DocumentId, v.Id, v.Number, first.FileName, v.CaseId))
            .ToListAsync(cancellationToken);
        return new Found(meeting.Id, reader, colleague, colleague.UserId, documents, items);
    }

    /// <summary>A login (ledamot) for the ordförande, named as the roster names them, with the demo password.</summary>
    private async Task<Guid> CreateColleagueLoginAsync(Person person, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(person.Email!);
        if (user is null)
        {
            user = new ApplicationUser
            {
                UserName = person.Email, Email = person.Email, EmailConfirmed = true, DisplayName = $"{person.FirstName} {person.LastName}",
            };
            Check(await users.CreateAsync(user, DemoUsers.Password));
            Check(await users.AddToRoleAsync(user, Roles.Member));
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var tracked = await db.Persons.SingleAsync(p => p.Id == person.Id, cancellationToken);
        tracked.UserId = user.Id;
        await db.SaveChangesAsync(cancellationToken);
        return user.Id;
    }

    private async Task ReadAndAnnotateAsync(Found found, DemoActor lars, DemoActor colleague, CancellationToken cancellationToken)
    {
        var revision = Document(found, RevisionReportFile);
        var motion = Document(found, MotionFile);
        var council = Document(found, CouncilStatementFile);
        var information = found.ItemTitles.Single(i => i.Value.StartsWith("Verksamhetsinformation", StringComparison.Ordinal)).Key;
        var fees = found.ItemTitles.Single(i => i.Value.StartsWith("Taxor och avgifter", StringComparison.Ordinal)).Key;

        // Read: the revision report, the motion and the council's first version (which gets a new one below). Unread: the
        // rest, among them the fee schedule and the förvaltningsrätt matter.
        var read = ActivatorUtilities.CreateInstance<MarkDocumentReadHandler>(services, Access(lars));
        foreach (var document in new[] { revision, motion, council })
        {
            Check(await read.HandleAsync(new MarkDocumentRead(found.MeetingId, document.VersionId), cancellationToken));
        }

        var add = ActivatorUtilities.CreateInstance<AddNoteHandler>(services, Access(lars));
        Check(await add.HandleAsync(new AddNote
        {
            MeetingId = found.MeetingId, AgendaItemId = information,
            Text = "Fråga verksamhetschefen hur många extra timmar hemtjänsten planerar för snöoväder, och vem som skottar vid brukarnas entréer.",
        }, cancellationToken));
        Check(await add.HandleAsync(await OnPageAsync(found, revision, RevisionQuote,
            "Övertiden är störst i Norrby (410 timmar per månad). Be förvaltningen visa vad kompetensförsörjningsplanen gör åt det.", cancellationToken), cancellationToken));
        Check(await add.HandleAsync(await OnPageAsync(found, council, MovedQuote,
            "Bra svarsfrekvens, 65 procent. Nämn den i debatten om motionen.", cancellationToken), cancellationToken));
        Check(await add.HandleAsync(await OnPageAsync(found, council, GoneQuote,
            "Rådet vill vara referensgrupp: stöd det i yrkandet.", cancellationToken), cancellationToken));
        var shared = Check(await add.HandleAsync(new AddNote
        {
            MeetingId = found.MeetingId, AgendaItemId = fees,
            Text = "Förslag till gruppmötet: yrka att höjningen av maxtaxan införs först den 1 juli 2027. Vad tycker du?",
        }, cancellationToken));
        Check(await ActivatorUtilities.CreateInstance<ShareNoteHandler>(services, Access(lars))
            .HandleAsync(new ShareNote(shared.Id, colleague.UserId!.Value), cancellationToken));

        var theirs = Check(await ActivatorUtilities.CreateInstance<AddNoteHandler>(services, Access(colleague)).HandleAsync(
            await OnPageAsync(found, motion, MotionQuote,
                "Lars: hinner bostadsbolaget utreda till december 2027? Jag föreslår att vi yrkar på juni 2028.", cancellationToken),
            cancellationToken));
        Check(await ActivatorUtilities.CreateInstance<ShareNoteHandler>(services, Access(colleague))
            .HandleAsync(new ShareNote(theirs.Id, lars.UserId!.Value), cancellationToken));
    }

    /// <summary>
    /// The council's completed yttrande, uploaded as the case's handläggare once Lars has read and annotated the first
    /// version; the text extraction and the moving of the notes run at once. Done when the handling has a second version.
    /// </summary>
    private async Task<bool> CompleteCouncilStatementAsync(Found found, CancellationToken cancellationToken)
    {
        var council = Document(found, CouncilStatementFile);
        if (council.Number > 1)
        {
            return false;
        }

        Guid officerId;
        await using (var db = await dbFactory.CreateAsync(cancellationToken))
        {
            if (!await db.MemberNotes.AnyAsync(n => n.CaseDocumentId == council.DocumentId, cancellationToken))
            {
                return false;
            }

            officerId = (await db.Cases.AsNoTracking().SingleAsync(c => c.Id == council.CaseId, cancellationToken)).CaseOfficerUserId
                ?? throw new InvalidOperationException("The demo case of the council's yttrande has no handläggare.");
        }

        var officer = await ActorAsync((await users.FindByIdAsync(officerId.ToString()))!);
        var jobs = new InlineJobScheduler();
        var handler = ActivatorUtilities.CreateInstance<AddDocumentVersionHandler>(services, officer, Access(officer), jobs);
        Check(await handler.HandleAsync(new AddDocumentVersion
        {
            DocumentId = council.DocumentId, FileName = CouncilStatementVersion2File,
            Content = DemoPdf.Write(CouncilStatementVersion2, "Kommunala pensionärsrådet"),
        }, cancellationToken));
        await jobs.RunAllAsync(scopes);
        return true;
    }

    /// <summary>
    /// A note on the page of a handling where <paramref name="quote"/> stands in the version's extracted text (the page the
    /// reader's text layer would give it on), with the text either side as its context.
    /// </summary>
    private async Task<AddNote> OnPageAsync(Found found, AgendaDocument document, string quote, string text, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var pages = (await db.DocumentTexts.AsNoTracking().SingleAsync(t => t.VersionId == document.VersionId, cancellationToken)).Pages;
        var page = pages.Select((t, i) => (Text: t, Number: i + 1)).FirstOrDefault(p => p.Text.Contains(quote, StringComparison.Ordinal));
        if (page.Text is null)
        {
            throw new InvalidOperationException($"The demo quote is not in the text of {document.FirstFileName}.");
        }

        const int context = 60;
        var at = page.Text.IndexOf(quote, StringComparison.Ordinal);
        return new AddNote
        {
            MeetingId = found.MeetingId, AgendaItemId = document.ItemId, DocumentVersionId = document.VersionId, Page = page.Number,
            Quote = quote, QuoteBefore = page.Text[Math.Max(0, at - context)..at].TrimStart(),
            QuoteAfter = page.Text[(at + quote.Length)..Math.Min(page.Text.Length, at + quote.Length + context)].TrimEnd(), Text = text,
        };
    }

    private static AgendaDocument Document(Found found, string fileName) =>
        found.Documents.SingleOrDefault(d => d.FirstFileName == fileName)
        ?? throw new InvalidOperationException($"The demo handling {fileName} is not on the meeting's agenda.");

    private async Task<DemoActor> ActorAsync(ApplicationUser user) => new(user.Id, user.UserName!, await users.GetRolesAsync(user));

    private AccessService Access(DemoActor actor) => ActivatorUtilities.CreateInstance<AccessService>(services, actor);

    private static T Check<T>(Result<T> result) =>
        result.Succeeded ? result.Value! : throw new InvalidOperationException("Demo reader content: " + result.Error!.Message);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The demo login could not be created: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }
}
