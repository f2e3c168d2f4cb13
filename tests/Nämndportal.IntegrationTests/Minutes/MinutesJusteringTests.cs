using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Nämndportal.Application.Cases;
using Nämndportal.Application.Minutes;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Delegation;
using Nämndportal.Domain.Files;
using Nämndportal.Domain.Minutes;
using Nämndportal.Domain.NoticeBoard;
using Nämndportal.E2E.Support;
using Nämndportal.Infrastructure;
using Nämndportal.Infrastructure.Identity;
using Nämndportal.Infrastructure.Pdf;
using Nämndportal.IntegrationTests.Support;
using UglyToad.PdfPig;

namespace Nämndportal.IntegrationTests.Minutes;

/// <summary>
/// Sending the protokoll for justering and signing it, with real Chromium, PdfPig, Ghostscript and ASP.NET Identity (the
/// password and the replay-proof authenticator code are checked as at the login): the print's layout, rules 12–16 and 26–27.
/// </summary>
public sealed class MinutesJusteringTests(DatabaseFixture database, PdfRendererFixture pdf)
    : IntegrationTest(database), IClassFixture<PdfRendererFixture>
{
    private const string Password = "Justera-Protokoll-2026";
    private const string AnnaKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    private const string LarsKey = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU";

    private MinutesScenario _s = null!;
    private ServiceProvider _identity = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _s = await MinutesScenario.CreateAsync(Database);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = Database.ConnectionString,
            ["Jobs:RunServer"] = "false",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddInfrastructure(configuration);
        services.AddSingleton<TimeProvider>(_s.Clock);
        services.AddSingleton<Application.Common.ICurrentUser>(TestUser.Anonymous);
        _identity = services.BuildServiceProvider();
        await using var scope = _identity.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        foreach (var (user, key) in new[] { (_s.ChairUser, AnnaKey), (_s.MemberUser, LarsKey) })
        {
            var account = (await users.FindByIdAsync(user.UserId!.Value.ToString()))!;
            (await users.AddPasswordAsync(account, Password)).Succeeded.ShouldBeTrue();
            await ((IUserAuthenticatorKeyStore<ApplicationUser>)scope.ServiceProvider.GetRequiredService<IUserStore<ApplicationUser>>())
                .SetAuthenticatorKeyAsync(account, key, CancellationToken.None);
            (await users.UpdateAsync(account)).Succeeded.ShouldBeTrue();
        }
    }

    public override async Task DisposeAsync()
    {
        await _identity.DisposeAsync();
        await base.DisposeAsync();
    }

    private MinutesPdfService Pdf() => new(pdf.Renderer, new PdfPigReader(), Options.Create(new OfficerReportOptions { Municipality = "Exempelby kommun" }));

    private SubmitMinutesForApprovalHandler Submit() => new(_s.Factory(_s.Secretary), _s.Access(_s.Secretary), Pdf(), _s.Clock);

    private ApproveMinutesHandler Approve(TestUser user, AsyncServiceScope scope) => new(
        _s.Factory(user), _s.Access(user), user, new PortalSigningProvider(scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>(), _s.Clock),
        new MinutesJustering(Pdf(), new GhostscriptPdfArchiver(Options.Create(new PdfOptions()), NullLogger<GhostscriptPdfArchiver>.Instance)), _s.Clock,
        new RecordingPublicPageCache(), NullLogger<ApproveMinutesHandler>.Instance);

    private async Task<MeetingMinutes> MinutesAsync(Guid id) => (await _s.Get(_s.Secretary).HandleAsync(id)).Value!.Minutes;

    private async Task<byte[]> FileAsync(Guid fileId)
    {
        await using var db = Database.CreateContext();
        return (await db.StoredFiles.SingleAsync(f => f.Id == fileId)).Content;
    }

    private static List<string> Pages(byte[] pdfBytes)
    {
        using var document = PdfDocument.Open(pdfBytes);
        return document.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text))).ToList();
    }

    [Fact]
    public async Task The_print_has_the_first_page_table_headings_adjournment_contents_page_numbers_and_the_footer_on_every_page()
    {
        var (id, version) = await _s.HeldAsync();
        (await Submit().HandleAsync(new SubmitMinutesForApproval(id, version))).Error.ShouldBeNull();
        var minutes = await MinutesAsync(id);
        minutes.Status.ShouldBe(MinutesStatus.ForApproval);
        var printed = await FileAsync(minutes.ApprovalFileId!.Value);
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(printed)).ShouldBe(minutes.ApprovalSha256);

        var pages = Pages(printed);
        var first = pages[0];
        foreach (var label in new[] { "Organ", "Plats och tid", "Beslutande", "Ersättare för", "Övriga deltagare", "Sekreterare", "Utses att justera", "Justeringsdatum", "Paragrafer" })
        {
            first.ShouldContain(label);
        }

        first.ShouldContain("Omsorgsnämnden");
        first.ShouldContain("Sammanträdesrum Björken, klockan 12.50 – 15.50");
        first.ShouldContain("Hanna Holm (C) Eva Ek (C)"); // serves for Eva: the "Ersättare för" column
        first.ShouldContain("Maria Berg, Omsorgschef");
        first.ShouldContain("§ 61 – 63");
        first.ShouldContain("Lars Ledamot (M)");
        first.ShouldContain("2026-10-08");

        // Every page: the header (PROTOKOLL, organ, Sammanträdesdatum) and the footer's three boxes with the page number.
        for (var i = 0; i < pages.Count; i++)
        {
            pages[i].ShouldContain("PROTOKOLL – Omsorgsnämnden");
            pages[i].ShouldContain("Sammanträdesdatum 2026-10-06");
            pages[i].ShouldContain("Ordförandes signatur");
            pages[i].ShouldContain("Justerandes signatur");
            pages[i].ShouldContain("Utdragsbestyrkande");
            pages[i].ShouldContain($"Sida {i + 1} av {pages.Count}");
        }

        // The contents give the page each § heading is printed on.
        var contents = pages.FindIndex(p => p.Contains("Innehållsförteckning", StringComparison.Ordinal));
        contents.ShouldBeGreaterThan(-1);
        foreach (var (number, title) in new[] { (61, "Val av justerare"), (62, "Plan för äldreomsorgens platser"), (63, "Yttrande i ett enskilt ärende") })
        {
            var headingPage = pages.FindIndex(contents + 1, p => p.Contains($"§ {number} – {title}", StringComparison.Ordinal)) + 1;
            headingPage.ShouldBeGreaterThan(contents + 1);
            pages[contents].ShouldContain($"§ {number} {title} {headingPage}");
        }

        // § 62 records everything rule 11 asks, and the adjournment is printed between § 62 and § 63.
        var all = string.Join(' ', pages.Skip(contents + 1));
        var s62 = all[all.IndexOf("§ 62 – ", StringComparison.Ordinal)..all.IndexOf("§ 63 – ", StringComparison.Ordinal)];
        s62.ShouldContain("David Dahl (SD) anmäler jäv och deltar inte i handläggningen av ärendet. Gustav Gran (S) tjänstgör i stället.");
        s62.ShouldContain("Omsorgsnämnden beslutar");
        s62.ShouldContain("att godkänna planen för platser");
        s62.ShouldContain("Lars Ledamot (M) yrkar avslag på förslaget: att avslå förslaget");
        s62.ShouldContain("Anna Ordförande (S) Ja");
        s62.ShouldContain("Gustav Gran (S) Avstår");
        s62.ShouldContain("Med 3 ja-röster, 1 nej-röster och 1 som avstår beslutar nämnden enligt bifall till förvaltningens förslag.");
        s62.ShouldContain("Lars Ledamot (M) reserverar sig mot beslutet: till förmån för eget yrkande");
        s62.ShouldContain("Beslutet skickas till");
        s62.ShouldContain("laglighetsprövning");
        s62.ShouldEndWith("Sammanträdet ajourneras kl. 14.30–14.45. ");
        s62.ShouldNotContain("Maria Berg");
    }

    [Fact]
    public async Task Rule13_and_27_the_chair_and_the_justerare_sign_the_same_print_with_password_and_a_fresh_code_and_the_justering_is_announced()
    {
        var (id, version) = await _s.HeldAsync();
        version = (await Submit().HandleAsync(new SubmitMinutesForApproval(id, version))).Value;
        var sha = (await MinutesAsync(id)).ApprovalSha256!;
        _s.Clock.Advance(TimeSpan.FromDays(1));
        await using var scope = _identity.CreateAsyncScope();
        // The decided case is the organ's answer to a granskningsrapport (issue 13): justering decides the answer too.
        var audit = new Domain.Audit.AuditReport("Granskning av bemanningen", "Revisionsbyrån Exempel AB", "Revisorerna", new DateOnly(2026, 8, 31), 2026, [_s.Case.OrganId], null);
        var answer = new Domain.Audit.AuditAnswer(audit.Id, _s.Case.OrganId, _s.Case.Id);
        await using (var db = Database.CreateContext())
        {
            db.AuditReports.Add(audit);
            db.AuditAnswers.Add(answer);
            await db.SaveChangesAsync();
        }

        // The secretary does not sign; a wrong password or code is refused; another print's checksum is refused.
        (await Approve(_s.Secretary, scope).HandleAsync(new ApproveMinutes(id, version, sha, Password, "000000"))).Error!.Message.ShouldContain("ordföranden och de utsedda justerarna");
        (await Approve(_s.ChairUser, scope).HandleAsync(new ApproveMinutes(id, version, sha, "fel-lösenord", Totp.Code(AnnaKey, _s.Clock.GetUtcNow())))).Error!.Message.ShouldBe("Lösenordet stämmer inte.");
        var other = new string('a', 64);
        (await Approve(_s.ChairUser, scope).HandleAsync(new ApproveMinutes(id, version, other, Password, Totp.Code(AnnaKey, _s.Clock.GetUtcNow())))).Error!.Message.ShouldContain("inte den version");
        _s.Clock.Advance(TimeSpan.FromSeconds(30));

        var anna = await Approve(_s.ChairUser, scope).HandleAsync(new ApproveMinutes(id, version, sha, Password, Totp.Code(AnnaKey, _s.Clock.GetUtcNow())));
        anna.Value!.Justerat.ShouldBeFalse();
        version = anna.Value.Version;

        // Lars's code, used once, is not accepted twice.
        var code = Totp.Code(LarsKey, _s.Clock.GetUtcNow());
        await using (var db = Database.CreateContext())
        {
            var lars = await db.Users.SingleAsync(u => u.Id == _s.MemberUser.UserId);
            (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().VerifyTwoFactorTokenAsync(
                (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(lars.Id.ToString()))!, ReplayProofAuthenticatorTokenProvider.ProviderName, code)).ShouldBeTrue();
        }

        (await Approve(_s.MemberUser, scope).HandleAsync(new ApproveMinutes(id, version, sha, Password, code))).Error!.Message.ShouldContain("har redan använts");
        _s.Clock.Advance(TimeSpan.FromSeconds(30));
        var lars2 = await Approve(_s.MemberUser, scope).HandleAsync(new ApproveMinutes(id, version, sha, Password, Totp.Code(LarsKey, _s.Clock.GetUtcNow())));
        lars2.Value!.Justerat.ShouldBeTrue();

        var minutes = await MinutesAsync(id);
        minutes.Status.ShouldBe(MinutesStatus.Approved);
        minutes.MinutesApprovals.Select(a => (a.Name, a.Role, a.Sha256, a.Provider)).ShouldBe([("Anna Ordförande", SignerRole.Chair, sha, "portal"), ("Lars Ledamot", SignerRole.Adjuster, sha, "portal")]);
        minutes.MinutesApprovals.ShouldAllBe(a => a.ApprovedAt - a.AuthenticatedAt <= StrongAuthentication.MaxAge);

        // The justerat print says who signed, and Bevis om anslagsdag gives the anslag's days.
        var approvedOn = new DateOnly(2026, 10, 7);
        await using var check = Database.CreateContext();
        var posting = await check.Postings.SingleAsync(p => p.MinutesId == id);
        (posting.Kind, posting.UpOn, posting.DownOn, posting.ApprovedOn, posting.KeptAt, posting.Sections)
            .ShouldBe((PostingKind.Protokoll, approvedOn, AppealTime.From(approvedOn).LastDay, approvedOn, "Omsorgsförvaltningen, Stadshuset", "§ 61–63"));
        posting.AppealInformation.ShouldNotBeNull().ShouldContain("2026-10-28");
        var signed = Pages(await FileAsync(minutes.ApprovedFileId!.Value));
        signed[0].ShouldContain("Protokollet har signerats digitalt av Ordförande – Anna Ordförande, Justerande – Lars Ledamot");
        string.Join(' ', signed).ShouldContain("Datum då anslaget sätts upp 2026-10-07 Datum då anslaget tas ned 2026-10-28");

        // The decided case: "Beslutat vid … §" on its timeline, and status Beslutat.
        var decided = await check.CaseEvents.Where(e => e.CaseId == _s.Case.Id && e.Kind == CaseEventKind.Decided).SingleAsync();
        decided.Paragraph.ShouldBe(62);
        (await check.Cases.SingleAsync(c => c.Id == _s.Case.Id)).Status.ShouldBe(CaseStatus.Beslutat);
        var decidedAnswer = await check.AuditAnswers.SingleAsync(a => a.Id == answer.Id);
        (decidedAnswer.DecidedIn, decidedAnswer.SectionId).ShouldBe(($"{minutes.OrganName} 2026-10-06 § 62", minutes.Sections.Single(s => s.Number == 62).Id),
            "the answer and its § are linked both ways");

        // Locked: an edit after justering is refused and changes nothing.
        (await _s.Edit(_s.Secretary).AddNoteAsync(id, minutes.Version, 62, null, "Efteråt")).Error!.Message.ShouldContain("justerat");
    }

    /// <summary>Sends the held protokoll for justering and has Anna and Lars sign it with fresh codes.</summary>
    private async Task<MeetingMinutes> JusteratAsync(Guid id, uint version)
    {
        var submitted = await Submit().HandleAsync(new SubmitMinutesForApproval(id, version));
        submitted.Error.ShouldBeNull();
        version = submitted.Value;
        var sha = (await MinutesAsync(id)).ApprovalSha256!;
        _s.Clock.Advance(TimeSpan.FromDays(1));
        await using var scope = _identity.CreateAsyncScope();
        var chair = await Approve(_s.ChairUser, scope).HandleAsync(new ApproveMinutes(id, version, sha, Password, Totp.Code(AnnaKey, _s.Clock.GetUtcNow())));
        chair.Error.ShouldBeNull();
        version = chair.Value!.Version;
        var adjuster = await Approve(_s.MemberUser, scope).HandleAsync(new ApproveMinutes(id, version, sha, Password, Totp.Code(LarsKey, _s.Clock.GetUtcNow())));
        adjuster.Error.ShouldBeNull();
        adjuster.Value!.Justerat.ShouldBeTrue();
        return await MinutesAsync(id);
    }

    [Fact]
    public async Task Rule23_24_and_25_the_public_version_shows_a_secret_section_as_a_placeholder_and_a_personnummer_stops_publishing_until_a_reason_is_given()
    {
        var (id, version) = await _s.HeldAsync();
        version = (await _s.Edit(_s.Secretary).AddNoteAsync(id, version, 61, null, "Nämnden noterar skrivelsen från 19121212-1212.")).Value;
        var minutes = await JusteratAsync(id, version);
        var options = Options.Create(new OfficerReportOptions { Municipality = "Exempelby kommun" });
        var publish = new PublishMinutesHandler(_s.Factory(_s.Secretary), _s.Access(_s.Secretary), Pdf(), options, _s.Secretary, _s.Clock, new RecordingPublicPageCache());

        var preview = (await new PreviewPublicMinutesHandler(_s.Factory(_s.Secretary), _s.Access(_s.Secretary), options).HandleAsync(id)).Value!;
        preview.Findings.ShouldBe(["19121212-1212"]);
        var secret = preview.Document.Sections.Single(s => s.Number == 63);
        (secret.Title, secret.Placeholder).ShouldBe(("Ärende som omfattas av sekretess", "Paragrafen innehåller uppgifter som omfattas av sekretess enligt OSL 26 kap. 1 § och visas inte i den offentliga versionen av protokollet."));
        (secret.Decisions.Count, secret.AccountHtml, secret.SendTo.Count).ShouldBe((0, null, 0));

        (await publish.HandleAsync(new PublishMinutes(id, minutes.Version, Reviewed: false, null))).Error!.Message.ShouldContain("Granska");
        (await publish.HandleAsync(new PublishMinutes(id, minutes.Version, Reviewed: true, null))).Error!.Message.ShouldContain("personnummer");
        await using (var db = Database.CreateContext())
        {
            (await db.StoredFiles.CountAsync(f => f.Source == StoredFileSource.MinutesPublic)).ShouldBe(0);
        }

        (await publish.HandleAsync(new PublishMinutes(id, minutes.Version, Reviewed: true, "Numret är ett fiktivt organisationsnummer i en skrivelse."))).Error.ShouldBeNull();
        minutes = await MinutesAsync(id);
        minutes.PublicationOverrideReason.ShouldBe("Numret är ett fiktivt organisationsnummer i en skrivelse.");

        // Rule 25: the published PDF is tagged, in Swedish.
        var publicPdf = await FileAsync(minutes.PublicFileId!.Value);
        Encoding.Latin1.GetString(publicPdf).ShouldContain("/StructTreeRoot");
        Encoding.Latin1.GetString(publicPdf).ShouldContain("/Lang (sv)");

        // The public PDF and the public pages hold nothing of the secret §: no name, no decision, no account.
        var text = string.Join(' ', Pages(publicPdf));
        text.ShouldContain("§ 63 – Ärende som omfattas av sekretess");
        text.ShouldContain("OSL 26 kap. 1 §");
        text.ShouldNotContain("Sven Svensson");
        text.ShouldNotContain("Yttrande i ett enskilt ärende");
        text.ShouldNotContain("avge yttrande");
        var board = (await new Application.NoticeBoard.GetPostingHandler(_s.Factory(TestUser.Anonymous), _s.Clock).HandleAsync(new(minutes.PostingId!.Value))).Value!;
        (board.HasFile, board.Minutes!.PublicVersion).ShouldBe((true, true));
        var publicDoc = (await new GetPublicMinutesHandler(_s.Factory(TestUser.Anonymous), options).HandleAsync(id)).Value!;
        string.Join(' ', PublicMinutesText.Texts(publicDoc)).ShouldNotContain("Sven");
    }

    [Fact]
    public async Task The_extract_is_certified_mailed_to_recipients_with_an_address_marked_as_posted_for_the_others_logged_once_each_and_the_case_is_expedierat()
    {
        var (id, version) = await _s.HeldAsync();
        await JusteratAsync(id, version);
        await using var smtp = await SmtpTestServer.StartAsync();
        var mailer = new Infrastructure.Mail.MailKitMailer(Options.Create(new Infrastructure.Mail.MailOptions
        {
            Host = "127.0.0.1", Port = smtp.Port, UseTls = Infrastructure.Mail.MailTlsMode.None, FromAddress = "noreply@exempelby.se", FromName = "Nämndportal Exempelby",
            Timeout = TimeSpan.FromSeconds(5),
        }), NullLogger<Infrastructure.Mail.MailKitMailer>.Instance);
        var dispatch = new DispatchDecisionHandler(_s.Factory(_s.Secretary), _s.Access(_s.Secretary), Pdf(), mailer, _s.Secretary, _s.Clock, NullLogger<DispatchDecisionHandler>.Instance);

        (await new DispatchDecisionHandler(_s.Factory(_s.MemberUser), _s.Access(_s.MemberUser), Pdf(), mailer, _s.MemberUser, _s.Clock, NullLogger<DispatchDecisionHandler>.Instance)
            .HandleAsync(new DispatchDecision(id, 62))).Error!.Code.ShouldBe("forbidden");
        var outcome = (await dispatch.HandleAsync(new DispatchDecision(id, 62))).Value!;
        (outcome.Mailed, outcome.ByPost, outcome.Failed).ShouldBe((1, 1, 0));
        var mail = (await smtp.WaitForAsync(1)).Single();
        mail.EnvelopeTo.ShouldBe(["omsorg@exempelby.se"]);
        mail.Message.Subject.ShouldBe("Protokollsutdrag: Omsorgsnämnden 2026-10-06 § 62");
        var attachment = mail.Message.Attachments.OfType<MimeKit.MimePart>().Single();
        attachment.FileName.ShouldBe("Protokollsutdrag Omsorgsnämnden 2026-10-06 § 62.pdf");
        using var attached = new MemoryStream();
        await attachment.Content!.DecodeToAsync(attached);
        var extract = string.Join(' ', Pages(attached.ToArray()));
        extract.ShouldContain("Protokollsutdrag");
        extract.ShouldContain("§ 62 – Plan för äldreomsorgens platser");
        extract.ShouldNotContain("§ 61 – ");
        extract.ShouldContain("Utdragsbestyrkande Protokollsutdraget överensstämmer med originalprotokollet. 2026-10-07, Sara Sekreterare, sekreterare.");
        extract.ShouldContain("PROTOKOLLSUTDRAG – Omsorgsnämnden");

        var minutes = await MinutesAsync(id);
        minutes.Section(62).Dispatches.Select(d => (d.Recipient, d.Method, d.Succeeded)).ShouldBe(
            [("Omsorgsförvaltningen <omsorg@exempelby.se>", DispatchMethod.Email, true), ("Kommunstyrelsen", DispatchMethod.Post, true)]);
        await using (var db = Database.CreateContext())
        {
            (await db.Cases.SingleAsync(c => c.Id == _s.Case.Id)).Status.ShouldBe(CaseStatus.Expedierat);
        }

        // Again: nobody is sent it twice.
        (await dispatch.HandleAsync(new DispatchDecision(id, 62))).Error!.Message.ShouldContain("redan expedierat till alla");
        await Task.Delay(300);
        smtp.Received.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Rule14_a_section_justerad_at_once_is_locked_and_announced_on_its_own_and_the_protokoll_follows()
    {
        var (id, version) = await _s.HeldAsync();
        var edit = _s.Edit(_s.Secretary);
        version = (await edit.WriteSectionAsync(id, version, new SectionText(61, "Val av justerare", "utse Lars Ledamot att justera protokollet", null, null, null, null, AppealKind.None, null, true))).Value;
        var prepare = new PrepareImmediateApprovalHandler(_s.Factory(_s.Secretary), _s.Access(_s.Secretary), Pdf());
        version = (await prepare.HandleAsync(new PrepareImmediateApproval(id, version, 61))).Value;
        var sha = (await MinutesAsync(id)).Section(61).ImmediateSha256!;
        await using var scope = _identity.CreateAsyncScope();
        var signing = new PortalSigningProvider(scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>(), _s.Clock);
        ApproveSectionImmediatelyHandler Now(TestUser u) => new(_s.Factory(u), _s.Access(u), u, signing, _s.Clock, new RecordingPublicPageCache());

        var first = await Now(_s.ChairUser).HandleAsync(new ApproveSectionImmediately(id, version, 61, sha, Password, Totp.Code(AnnaKey, _s.Clock.GetUtcNow())));
        first.Value!.Justerat.ShouldBeFalse();
        (await edit.AddNoteAsync(id, first.Value.Version, 61, null, "Under justering")).Error!.Message.ShouldContain("håller på att justeras");
        var done = await Now(_s.MemberUser).HandleAsync(new ApproveSectionImmediately(id, first.Value.Version, 61, sha, Password, Totp.Code(LarsKey, _s.Clock.GetUtcNow())));
        done.Value!.Justerat.ShouldBeTrue();

        var minutes = await MinutesAsync(id);
        minutes.Section(61).IsLocked.ShouldBeTrue();
        minutes.Status.ShouldBe(MinutesStatus.Draft);
        await using var db = Database.CreateContext();
        var posting = await db.Postings.SingleAsync(p => p.Id == minutes.Section(61).ImmediatePostingId);
        (posting.Title, posting.Sections, posting.UpOn).ShouldBe(("Omedelbart justerad § 61, Omsorgsnämnden 2026-10-06", "§ 61", new DateOnly(2026, 10, 6)));
        (await edit.WriteSectionAsync(id, minutes.Version, new SectionText(61, "Annat", "x", null, null, null, null, AppealKind.None, null, true))).Error!.Message.ShouldContain("omedelbart justerad");

        // The rest of the protokoll is justerat as usual, with its own anslag.
        minutes = await JusteratAsync(id, minutes.Version);
        (await db.Postings.CountAsync(p => p.MinutesId == id)).ShouldBe(2);
    }

    private CorrectMinutesHandler Corrections(TestUser user, AsyncServiceScope scope) => new(
        _s.Factory(user), _s.Access(user), user, new DatabaseUserDirectory(Database),
        new PortalSigningProvider(scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>(), _s.Clock),
        new MinutesJustering(Pdf(), new GhostscriptPdfArchiver(Options.Create(new PdfOptions()), NullLogger<GhostscriptPdfArchiver>.Instance)), _s.Clock,
        new RecordingPublicPageCache(), NullLogger<CorrectMinutesHandler>.Instance);

    [Fact]
    public async Task Rule13_a_correction_of_a_justerat_protokoll_is_its_own_print_approved_by_the_signers_and_announced_while_the_protokoll_stays_as_it_was()
    {
        var (id, version) = await _s.HeldAsync();
        var minutes = await JusteratAsync(id, version);
        var (approvedFile, approvedSha, decisions) = (minutes.ApprovedFileId, minutes.ApprovalSha256, minutes.Section(62).Decisions.ToList());
        await using var scope = _identity.CreateAsyncScope();
        const string Text = "I § 62 ska det stå att planen gäller från och med den 1 februari 2027, inte den 1 januari 2027.";
        int Files() { using var db = Database.CreateContext(); return db.StoredFiles.Count(f => f.SourceId == id); }
        var filesBefore = Files();

        // Only the secretary writes one; an unknown § or an empty text is refused before anything is printed or saved.
        (await Corrections(_s.MemberUser, scope).HandleAsync(new CorrectMinutes(id, minutes.Version, 62, Text))).Error.ShouldNotBeNull();
        (await Corrections(_s.Secretary, scope).HandleAsync(new CorrectMinutes(id, minutes.Version, 99, Text))).Error!.Message.ShouldContain("99");
        (await Corrections(_s.Secretary, scope).HandleAsync(new CorrectMinutes(id, minutes.Version, 62, " "))).Error!.Message.ShouldContain("måste fyllas i");
        Files().ShouldBe(filesBefore);

        var written = await Corrections(_s.Secretary, scope).HandleAsync(new CorrectMinutes(id, minutes.Version, 62, Text));
        written.Error.ShouldBeNull();
        (await Corrections(_s.Secretary, scope).HandleAsync(new CorrectMinutes(id, written.Value, null, "En rättelse till."))).Error!.Message.ShouldContain("väntar redan");
        minutes = await MinutesAsync(id);
        var correction = minutes.Corrections.ShouldHaveSingleItem();
        (correction.Number, correction.Section, correction.Title, correction.Text).ShouldBe((1, (int?)62, "Rättelse 1 av § 62", Text));
        var print = await FileAsync(correction.FileId);
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(print)).ShouldBe(correction.Sha256);
        var printed = string.Join(' ', Pages(print));
        printed.ShouldContain("RÄTTELSE AV PROTOKOLL – Omsorgsnämnden");
        printed.ShouldContain("Rättelse 1 av § 62");
        printed.ShouldContain("§ 62 – Plan för äldreomsorgens platser");
        printed.ShouldContain("från och med den 1 februari 2027");
        printed.ShouldContain("Ordförandes signatur");
        printed.ShouldNotContain("signerats digitalt");

        // It waits on Lars's start page; the signers approve exactly its print, with password and a fresh code.
        (await new ListMinutesToApproveHandler(_s.Factory(_s.MemberUser), _s.MemberUser, _s.Clock).HandleAsync())
            .ShouldContain(m => m.Id == id && m.Correction == "Rättelse 1 av § 62");
        _s.Clock.Advance(TimeSpan.FromDays(2));
        (await Corrections(_s.ChairUser, scope).HandleAsync(new ApproveCorrection(id, minutes.Version, correction.Id, approvedSha!, Password, Totp.Code(AnnaKey, _s.Clock.GetUtcNow()))))
            .Error!.Message.ShouldContain("Rättelsen du granskade");
        _s.Clock.Advance(TimeSpan.FromSeconds(30));
        var anna = await Corrections(_s.ChairUser, scope).HandleAsync(new ApproveCorrection(id, minutes.Version, correction.Id, correction.Sha256!, Password, Totp.Code(AnnaKey, _s.Clock.GetUtcNow())));
        anna.Value!.Justerat.ShouldBeFalse();
        var lars = await Corrections(_s.MemberUser, scope).HandleAsync(new ApproveCorrection(id, anna.Value.Version, correction.Id, correction.Sha256!, Password, Totp.Code(LarsKey, _s.Clock.GetUtcNow())));
        lars.Value!.Justerat.ShouldBeTrue();

        // Justerad: the signed print, its PDF/A rendition and its own anslag with its own appeal time.
        minutes = await MinutesAsync(id);
        correction = minutes.Corrections.Single();
        correction.ApprovedAt.ShouldNotBeNull();
        var approvedOn = new DateOnly(2026, 10, 9);
        await using var check = Database.CreateContext();
        var posting = await check.Postings.SingleAsync(p => p.Id == correction.PostingId);
        (posting.IsCorrection, posting.Title, posting.Sections, posting.UpOn, posting.DownOn, posting.ApprovedOn)
            .ShouldBe((true, "Justerad rättelse 1 av § 62 i protokoll, Omsorgsnämnden 2026-10-06", "Rättelse 1 av § 62", approvedOn, AppealTime.From(approvedOn).LastDay, (DateOnly?)approvedOn));
        var signed = string.Join(' ', Pages(await FileAsync(correction.SignedFileId!.Value)));
        signed.ShouldContain("Rättelsen har signerats digitalt av Ordförande – Anna Ordförande, Justerande – Lars Ledamot");
        signed.ShouldContain($"Datum då anslaget sätts upp 2026-10-09 Datum då anslaget tas ned {AppealTime.From(approvedOn).LastDay:yyyy-MM-dd}");
        Encoding.Latin1.GetString(await FileAsync(correction.ArchiveFileId!.Value)).ShouldContain("pdfaid:part='2'");
        (await new ListMinutesToApproveHandler(_s.Factory(_s.MemberUser), _s.MemberUser, _s.Clock).HandleAsync()).ShouldNotContain(m => m.Id == id);

        // The protokoll itself is as it was justerat.
        (minutes.Status, minutes.ApprovedFileId, minutes.ApprovalSha256).ShouldBe((MinutesStatus.Approved, approvedFile, approvedSha));
        minutes.Section(62).Decisions.ShouldBe(decisions);

        // A second rättelse, withdrawn before anyone signed, leaves nothing waiting.
        var second = await Corrections(_s.Secretary, scope).HandleAsync(new CorrectMinutes(id, minutes.Version, null, "Sammanträdet avslutades klockan 15.55."));
        minutes = await MinutesAsync(id);
        minutes.Corrections.Last().Title.ShouldBe("Rättelse 2 av protokollet");
        (await Corrections(_s.Secretary, scope).HandleAsync(new WithdrawCorrection(id, second.Value, minutes.Corrections.Last().Id))).Error.ShouldBeNull();
        (await MinutesAsync(id)).Corrections.ShouldHaveSingleItem().Id.ShouldBe(correction.Id);
    }

    /// <summary>
    /// The meeting's agenda gets the standard item "Redovisning av delegationsbeslut", and the organ a delegationsordning, a
    /// förvaltningschef and four decisions, three of them up to the brytdatum 2026-09-30 on the report.
    /// </summary>
    private async Task<Guid> ReportItemWithDecisionsAsync()
    {
        Guid itemId;
        await using (var db = Database.CreateContext())
        {
            var meeting = await db.Meetings.Include("_items").SingleAsync(m => m.Id == _s.Meeting.Id);
            itemId = meeting.AddItem(Domain.Meetings.AgendaItemKind.Standard, "Redovisning av delegationsbeslut").Id;
            var scheme = new DelegationScheme(_s.Organ.Id, 1, "OMN 2026-01-20 § 5", new DateOnly(2026, 2, 1));
            var chief = DelegateRole.Position("Förvaltningschef");
            scheme.SetPoint(new DelegationPoint("2.1", "Förordnande av tf enhetschef", DelegationMatterKind.Ordinary, [chief], null, "KL 7 kap. 5 §", false, true));
            scheme.SetPoint(new DelegationPoint("5.1", "Bistånd i form av hemtjänst", DelegationMatterKind.AuthorityOverIndividuals, [chief], null, "SoL 4 kap. 1 §", false, true));
            scheme.Establish(null, new DateTimeOffset(2026, 1, 30, 9, 0, 0, TimeSpan.Zero));
            db.DelegationSchemes.Add(scheme);
            db.PositionHolders.Add(new PositionHolder(_s.Organ.Id, "Förvaltningschef", null, "Ulrika Delegatsson", new DateOnly(2025, 1, 1), null));
            await db.SaveChangesAsync();
        }

        var register = new Application.Delegation.RegisterDelegatedDecisionsHandler(_s.Factory(_s.Secretary), _s.Access(_s.Secretary), _s.Secretary, _s.Clock);
        var registered = await register.HandleAsync(new Application.Delegation.RegisterDelegatedDecisions(_s.Organ.Id,
        [
            new(1, "2.1", "Förvaltningschef", null, "2026-09-10", null, "Förordnande som tf enhetschef hemtjänst", Appealable: true),
            new(2, "2.1", "Förvaltningschef", null, "2026-09-11", null, "Förordnande som tf enhetschef hemtjänst", Appealable: true),
            new(3, "5.1", "Förvaltningschef", null, "2026-09-15", "OMF 2026/999", "Beslut om bistånd i form av hemtjänst", Appealable: true, IndividualCase: true),
            new(4, "2.1", "Förvaltningschef", null, "2026-10-02", null, "Förordnande som tf enhetschef hemtjänst"),
        ]));
        registered.Value!.Problems.ShouldBeEmpty();

        await using (var db = Database.CreateContext())
        {
            var version = (await db.Meetings.SingleAsync(m => m.Id == _s.Meeting.Id)).Version;
            var set = await new Application.Delegation.SetAgendaReportHandler(_s.Factory(_s.Secretary), _s.Access(_s.Secretary))
                .HandleAsync(new Application.Delegation.SetAgendaReport(_s.Meeting.Id, version, itemId, Domain.Meetings.AgendaReport.DelegatedDecisions, new DateOnly(2026, 9, 30)));
            set.Value!.Count.ShouldBe(3, "the decision of 2 October is after the brytdatum");
        }

        return itemId;
    }

    [Fact]
    public async Task Rule20_a_report_section_justerad_at_once_marks_its_decisions_anmalda_from_its_own_anslag()
    {
        var itemId = await ReportItemWithDecisionsAsync();
        var (id, version) = await _s.HeldAsync();
        var number = (await MinutesAsync(id)).Sections.Single(s => s.AgendaItemId == itemId).Number;
        var edit = _s.Edit(_s.Secretary);
        version = (await edit.WriteSectionAsync(id, version, new SectionText(number, "Redovisning av delegationsbeslut", "godkänna redovisningen", null, null, null, null, AppealKind.None, null, true))).Value;
        var prepare = new PrepareImmediateApprovalHandler(_s.Factory(_s.Secretary), _s.Access(_s.Secretary), Pdf());
        version = (await prepare.HandleAsync(new PrepareImmediateApproval(id, version, number))).Value;
        var sha = (await MinutesAsync(id)).Section(number).ImmediateSha256!;
        await using var scope = _identity.CreateAsyncScope();
        var signing = new PortalSigningProvider(scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>(), _s.Clock);
        ApproveSectionImmediatelyHandler Now(TestUser u) => new(_s.Factory(u), _s.Access(u), u, signing, _s.Clock, new RecordingPublicPageCache());
        var first = await Now(_s.ChairUser).HandleAsync(new ApproveSectionImmediately(id, version, number, sha, Password, Totp.Code(AnnaKey, _s.Clock.GetUtcNow())));
        (await Now(_s.MemberUser).HandleAsync(new ApproveSectionImmediately(id, first.Value!.Version, number, sha, Password, Totp.Code(LarsKey, _s.Clock.GetUtcNow()))))
            .Value!.Justerat.ShouldBeTrue();

        await using (var db = Database.CreateContext())
        {
            var posting = await db.Postings.SingleAsync(p => p.MinutesId == id);
            var decisions = await db.DelegatedDecisions.OrderBy(d => d.DecidedOn).ToListAsync();
            decisions.Take(3).ShouldAllBe(d => d.ReportedIn == $"anmäld vid Omsorgsnämnden 2026-10-06 § {number}");
            decisions.Take(2).Select(d => d.AppealFrom).ShouldBe([posting.UpOn, posting.UpOn], "the appeal time runs from the §'s own anslag");
            decisions[3].ReportedIn.ShouldBeNull();
        }

        // The rest of the protokoll is justerat later; the decisions keep the § and the anslag they were reported with.
        var minutes = await JusteratAsync(id, (await MinutesAsync(id)).Version);
        await using var check = Database.CreateContext();
        var immediate = await check.Postings.SingleAsync(p => p.Id == minutes.Section(number).ImmediatePostingId);
        (await check.DelegatedDecisions.Where(d => d.ReportedIn != null && d.Appealable && !d.IndividualCase).Select(d => d.AppealFrom).Distinct().ToListAsync())
            .ShouldBe([immediate.UpOn]);
    }

    [Fact]
    public async Task Rule20_the_report_on_the_agenda_prints_in_the_pack_without_individual_details_and_justering_marks_its_decisions_anmalda()
    {
        var itemId = await ReportItemWithDecisionsAsync();

        // The public kallelse pack prints the report: ranges, the individual case as a count and period, no case number of it, no delegate's name.
        var packs = new Application.Meetings.NoticePackService(
            _s.Factory(TestUser.Anonymous), pdf.Renderer, new PdfSharpPackAssembler(new PdfPigReader()), new Infrastructure.RichText.RichTextSanitizer(),
            new DatabaseUserDirectory(Database), Options.Create(new OfficerReportOptions { Municipality = "Exempelby kommun" }), _s.Clock,
            NullLogger<Application.Meetings.NoticePackService>.Instance);
        var pack = await packs.BuildAsync(_s.Meeting.Id, Domain.Meetings.PackVariant.Public, 1, null);
        var text = string.Join(' ', Pages(pack.Pdf));
        text.ShouldContain("Redovisning av delegationsbeslut");
        text.ShouldContain("Omsorgsnämnden godkänner redovisningen av delegationsbesluten.");
        text.ShouldContain("1-2/2026 Förordnande som tf enhetschef hemtjänst");
        text.ShouldContain("Bistånd i form av hemtjänst (punkt 5.1): 1 beslut, beslutsdatum 2026-09-15—2026-09-15");
        text.ShouldNotContain("OMF 2026/999");
        text.ShouldNotContain("Delegatsson");

        // Justering marks the reported decisions and starts their appeal time from the anslag (rule 20).
        var (id, held) = await _s.HeldAsync();
        var minutes = await JusteratAsync(id, held);
        var section = minutes.Sections.Single(s => s.AgendaItemId == itemId).Number;
        await using var check = Database.CreateContext();
        var posting = await check.Postings.SingleAsync(p => p.MinutesId == id);
        var decisions = await check.DelegatedDecisions.OrderBy(d => d.DecidedOn).ToListAsync();
        decisions.Take(3).ShouldAllBe(d => d.ReportedIn == $"anmäld vid Omsorgsnämnden 2026-10-06 § {section}");
        decisions.Take(3).Select(d => d.AppealFrom).ShouldBe([posting.UpOn, posting.UpOn, null], "the individual case is appealed from when the person was notified");
        (decisions[3].ReportedIn, decisions[3].ReportMeetingId).ShouldBe((null, null));
    }

    [Fact]
    public async Task Rule26_the_archival_rendition_is_PDF_A_2b_with_its_identification_embedded_fonts_and_output_intent()
    {
        var (id, version) = await _s.HeldAsync();
        version = (await Submit().HandleAsync(new SubmitMinutesForApproval(id, version))).Value;
        var archiver = new GhostscriptPdfArchiver(Options.Create(new PdfOptions()), NullLogger<GhostscriptPdfArchiver>.Instance);
        var tagged = await FileAsync((await MinutesAsync(id)).ApprovalFileId!.Value);
        var archive = await archiver.ToPdfAAsync(tagged);

        using var document = PdfDocument.Open(archive);
        document.TryGetXmpMetadata(out var xmp).ShouldBeTrue();
        var metadata = Encoding.UTF8.GetString(xmp.GetXmlBytes().ToArray());
        metadata.ShouldContain("pdfaid:part='2'");
        metadata.ShouldContain("pdfaid:conformance='B'");
        var catalog = document.Structure.Catalog.CatalogDictionary;
        var intents = catalog.Data["OutputIntents"].ToString()!;
        intents.ShouldNotBeNullOrEmpty();
        Encoding.Latin1.GetString(archive).ShouldContain("/S/GTS_PDFA1");
        // Fonts: every font program is embedded (a FontFile, FontFile2 or FontFile3 per descriptor), none is only referenced.
        var raw = Encoding.Latin1.GetString(archive);
        var descriptors = System.Text.RegularExpressions.Regex.Count(raw, "/Type\\s*/FontDescriptor");
        var programs = System.Text.RegularExpressions.Regex.Count(raw, "/FontFile[23]?\\s");
        descriptors.ShouldBeGreaterThan(0);
        programs.ShouldBe(descriptors);

        // The tagged print keeps its structure for reading (the archival rendition is level B: the look, not the tags).
        Encoding.Latin1.GetString(tagged).ShouldContain("/StructTreeRoot");
    }
}
