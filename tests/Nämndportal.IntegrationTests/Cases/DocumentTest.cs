using System.Linq.Expressions;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Nämndportal.Application.AuditTrail;
using Nämndportal.Application.Cases;
using Nämndportal.Application.Common;
using Nämndportal.Application.Jobs;
using Nämndportal.Application.Organisation;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Organisation;
using Nämndportal.Infrastructure.Pdf;
using Nämndportal.IntegrationTests.Support;
using Case = Nämndportal.Domain.Cases.Case;

namespace Nämndportal.IntegrationTests.Cases;

/// <summary>
/// A case in Omsorgsnämnden (organ A) with its people: the secretary, the case's own handläggare, another handläggare
/// of the organ, a ledamot, a registrator, and a ledamot of Byggnadsnämnden (organ B). Handlers are built as the
/// app builds them, for one of these users at a time, with the real PdfPig reader and the real LibreOffice.
/// </summary>
public abstract class DocumentTest(DatabaseFixture database) : IntegrationTest(database)
{
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 22, 23, 30, 0, TimeSpan.Zero));

    protected RecordingJobScheduler Jobs { get; } = new();

    protected long MaxUploadBytes { get; set; } = 100L * 1024 * 1024;

    protected Organ OrganA { get; private set; } = null!;

    protected Organ OrganB { get; private set; } = null!;

    protected Case Case { get; private set; } = null!;

    protected TestUser Secretary { get; private set; } = null!;

    protected TestUser CaseOfficer { get; private set; } = null!;

    protected TestUser OtherOfficer { get; private set; } = null!;

    protected TestUser Member { get; private set; } = null!;

    protected TestUser MemberOfB { get; private set; } = null!;

    protected TestUser Registrar { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        OrganA = await InsertAsync(new Organ("Omsorgsnämnden", "OMN", OrganKind.Namnd, "OMF"));
        OrganB = await InsertAsync(new Organ("Byggnadsnämnden", "BN", OrganKind.Namnd, "BN"));
        Secretary = await CreateUserAsync("sekreterare", Roles.Secretary);
        CaseOfficer = await CreateUserAsync("handlaggare", Roles.CaseOfficer);
        OtherOfficer = await CreateUserAsync("annan.handlaggare", Roles.CaseOfficer);
        Member = await CreateUserAsync("ledamot", Roles.Member);
        MemberOfB = await CreateUserAsync("ledamot.bn", Roles.Member);
        Registrar = await CreateUserAsync("registrator", Roles.Registrar);
        await InsertAsync(new OrganOfficial(Secretary.UserId!.Value, OrganA.Id, OfficialFunction.Namndsekreterare));
        await InsertAsync(new OrganOfficial(CaseOfficer.UserId!.Value, OrganA.Id, OfficialFunction.Handlaggare));
        await InsertAsync(new OrganOfficial(OtherOfficer.UserId!.Value, OrganA.Id, OfficialFunction.Handlaggare));
        await MemberOfAsync(Member, OrganA);
        await MemberOfAsync(MemberOfB, OrganB);
        await using (var db = Database.CreateContext())
        {
            (await db.Users.SingleAsync(u => u.Id == Secretary.UserId)).DisplayName = "Sara Sekreterare";
            await db.SaveChangesAsync();
        }

        Case = await InsertAsync(new Case(OrganA.Id, "OMF", 2026, 149, "OMF-2026-149", "Yttrande över granskning av hemtjänsten", new DateOnly(2026, 11, 2), CaseOfficer.UserId));
    }

    protected static AddDocument Upload(Guid caseId, string fileName, byte[] content, string description = "Granskningsrapport från revisorerna") => new()
    {
        CaseId = caseId,
        Direction = DocumentDirection.Inkommen,
        DocumentDate = new DateOnly(2026, 11, 20),
        Counterpart = "KPMG på uppdrag av de förtroendevalda revisorerna",
        Description = description,
        FileName = fileName,
        Content = content,
    };

    protected AddDocument Upload(string fileName, byte[] content, string description = "Granskningsrapport från revisorerna") =>
        Upload(Case.Id, fileName, content, description);

    protected TestDbContextFactory Factory(TestUser user) => new(Database, user, Clock);

    protected AccessService Access(TestUser user) => new(Factory(user), user, Clock);

    protected AddDocumentHandler AddHandler(TestUser user) => new(
        Factory(user), Access(user), new AddDocumentValidator(), new PdfPigReader(), Jobs, new DatabaseUserDirectory(Database), user, Limit(), Clock);

    protected AddDocumentVersionHandler VersionHandler(TestUser user) => new(
        Factory(user), Access(user), new AddDocumentVersionValidator(), new PdfPigReader(), Jobs, user, Limit(), Clock);

    protected MarkDocumentSecretHandler MarkHandler(TestUser user) => new(
        Factory(user), Access(user), new MarkDocumentSecretValidator(), new DatabaseUserDirectory(Database), user, Clock);

    protected RemoveDocumentSecrecyHandler UnmarkHandler(TestUser user) => new(Factory(user), Access(user), user, Clock);

    protected ListCaseDocumentsHandler ListHandler(TestUser user) => new(Factory(user), Access(user));

    protected GetDocumentFileHandler FileHandler(TestUser user) => new(Factory(user), Access(user), new AuditTrailRecorder(user, Clock));

    protected RenderDocumentPdfJob RenderJob(LibreOfficeOptions? options = null) => new(
        Factory(TestUser.Anonymous),
        new LibreOfficePdfConverter(Options.Create(options ?? new LibreOfficeOptions()), NullLogger<LibreOfficePdfConverter>.Instance),
        new PdfPigReader(), Jobs, NullLogger<RenderDocumentPdfJob>.Instance);

    protected ExtractDocumentTextJob TextJob() => new(Factory(TestUser.Anonymous), new PdfPigReader(), Jobs, NullLogger<ExtractDocumentTextJob>.Instance);

    /// <summary>Uploads as the secretary and returns what was added, failing the test if the upload was refused.</summary>
    protected async Task<AddedDocument> AddAsync(string fileName, byte[] content, string? secrecy = null, string description = "Granskningsrapport från revisorerna")
    {
        var request = Upload(fileName, content, description);
        request.SecrecyProvision = secrecy;
        var result = await AddHandler(Secretary).HandleAsync(request);
        result.Error.ShouldBeNull();
        return result.Value!;
    }

    protected async Task<(int Documents, int Versions, int Blobs)> CountRowsAsync()
    {
        await using var db = Database.CreateContext();
        return (await db.CaseDocuments.CountAsync(), await db.DocumentVersions.CountAsync(), await db.FileBlobs.CountAsync());
    }

    private IOptions<DocumentOptions> Limit() => Options.Create(new DocumentOptions { MaxUploadBytes = MaxUploadBytes });

    private async Task MemberOfAsync(TestUser user, Organ organ)
    {
        var person = await InsertAsync(new Person("Test", user.UserName!) { UserId = user.UserId });
        await InsertAsync(new Membership(person.Id, organ.Id, MembershipRole.Ledamot, new DateOnly(2023, 1, 1), new DateOnly(2026, 12, 31)));
    }

    /// <summary>Remembers what would be handed to Hangfire, so a test can run the job itself.</summary>
    protected sealed class RecordingJobScheduler : IJobScheduler
    {
        public List<(Type Job, Guid Argument)> Enqueued { get; } = [];

        public string Enqueue<TJob>(Expression<Func<TJob, Task>> work)
            where TJob : notnull
        {
            ArgumentNullException.ThrowIfNull(work);
            var call = (MethodCallExpression)work.Body;
            var argument = Expression.Lambda<Func<Guid>>(Expression.Convert(call.Arguments[0], typeof(Guid))).Compile()();
            Enqueued.Add((typeof(TJob), argument));
            return Enqueued.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
