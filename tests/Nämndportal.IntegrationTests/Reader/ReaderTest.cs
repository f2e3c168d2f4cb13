using Microsoft.Extensions.Logging.Abstractions;
using Nämndportal.Application.AuditTrail;
using Nämndportal.Application.Cases;
using Nämndportal.Application.Files;
using Nämndportal.Application.Meetings;
using Nämndportal.Application.Reader;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.Organisation;
using Nämndportal.IntegrationTests.Cases;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Reader;

/// <summary>
/// The case of <see cref="DocumentTest"/> on the agenda of an Omsorgsnämnden meeting on 9 December 2026, with its
/// tjänsteskrivelse and a three-page report (<see cref="Report"/>, text extracted as the job does); a second ledamot of the
/// organ and an administrator besides the people of <see cref="DocumentTest"/>.
/// </summary>
public abstract class ReaderTest(DatabaseFixture database) : DocumentTest(database)
{
    protected static readonly string[] ReportPages =
    [
        "Inledning om hemtjansten i kommunen",
        "Kostnaden for hemtjansten okar med 4,2 procent under 2027 enligt prognosen.",
        "Bilaga 1 med statistik fran Socialstyrelsen",
    ];

    protected TestUser OtherMember { get; private set; } = null!;

    protected TestUser Admin { get; private set; } = null!;

    protected Meeting Meeting { get; private set; } = null!;

    protected AgendaItem Item { get; private set; } = null!;

    protected AddedDocument Report { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        OtherMember = await CreateUserAsync("annan.ledamot", Roles.Member);
        var person = await InsertAsync(new Person("Olle", "Ledamot") { UserId = OtherMember.UserId });
        await InsertAsync(new Membership(person.Id, OrganA.Id, MembershipRole.Ersattare, new DateOnly(2023, 1, 1), new DateOnly(2026, 12, 31)));
        Admin = await CreateUserAsync("admin", Roles.Administrator);

        Report = await AddAsync("rapport.pdf", TestFiles.Pdf(ReportPages));
        await TextJob().RunAsync(Report.VersionId, CancellationToken.None);
        Meeting = new Meeting(OrganA.Id, SwedishTime.FromLocal(new DateOnly(2026, 12, 9), new TimeOnly(13, 0)), null, "Björken");
        Item = Meeting.AddItem(AgendaItemKind.Decision, "Yttrande över granskning av hemtjänsten", Case.Id, Case.Number);
        Meeting.SetItemDocuments(Item.Id, includeOfficerReport: true, [Report.DocumentId]);
        await InsertAsync(Meeting);
    }

    protected AddNoteHandler AddNote(TestUser user) => new(Factory(user), Access(user), new AddNoteValidator(), new DatabaseUserDirectory(Database), Clock);

    protected UpdateNoteHandler UpdateNote(TestUser user) => new(Factory(user), Access(user), new UpdateNoteValidator(), Clock);

    protected DeleteNoteHandler DeleteNote(TestUser user) => new(Factory(user), Access(user));

    protected ListNotesForMeetingHandler ListNotes(TestUser user) => new(Factory(user), Access(user), new DatabaseUserDirectory(Database));

    protected ListMyNotesHandler MyNotes(TestUser user) => new(Factory(user), Access(user));

    protected ShareNoteHandler Share(TestUser user) => new(Factory(user), Access(user), Clock);

    protected WithdrawNoteShareHandler Withdraw(TestUser user) => new(Factory(user), Access(user));

    protected ListNoteShareCandidatesHandler Candidates(TestUser user) => new(Factory(user), Access(user));

    protected MarkDocumentReadHandler MarkRead(TestUser user) => new(Factory(user), Access(user), Clock);

    protected GetReadStatesHandler ReadStates(TestUser user) => new(Factory(user), Access(user));

    protected ListMyMeetingsHandler MyMeetings(TestUser user) => new(Factory(user), Access(user));

    protected RelocateNotesJob RelocateJob() => new(Factory(TestUser.Anonymous), NullLogger<RelocateNotesJob>.Instance);

    protected GetStoredFileHandler Files(TestUser user) => new(Factory(user), Access(user), new AuditTrailRecorder(user, Clock));

    /// <summary>The member's note on page <paramref name="page"/> of the report, anchored to <paramref name="quote"/>.</summary>
    protected async Task<MemberNoteView> NoteOnReportAsync(TestUser user, int page, string quote, string text, string? before = null, string? after = null)
    {
        var added = await AddNote(user).HandleAsync(new AddNote
        {
            MeetingId = Meeting.Id, AgendaItemId = Item.Id, DocumentVersionId = Report.VersionId, Page = page,
            Quote = quote, QuoteBefore = before, QuoteAfter = after, Text = text,
        });
        added.Error.ShouldBeNull();
        return added.Value!;
    }

    /// <summary>Uploads a new version of the report as the secretary and extracts its text, as the jobs do.</summary>
    protected async Task<AddedDocumentVersion> NewReportVersionAsync(params string[] pages)
    {
        var added = await VersionHandler(Secretary).HandleAsync(new AddDocumentVersion { DocumentId = Report.DocumentId, FileName = "rapport-v2.pdf", Content = TestFiles.Pdf(pages) });
        added.Error.ShouldBeNull();
        await TextJob().RunAsync(added.Value!.VersionId, CancellationToken.None);
        return added.Value;
    }
}
