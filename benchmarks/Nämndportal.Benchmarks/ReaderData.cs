using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Files;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.Organisation;
using Nämndportal.Infrastructure.Identity;
using Nämndportal.Infrastructure.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Nämndportal.Benchmarks;

/// <summary>What the reader benchmark seeded: the meeting, the members' logins and the long handling.</summary>
internal sealed record ReaderBenchData(Guid MeetingId, IReadOnlyList<string> MemberEmails, string LongDocumentTitle, int LongDocumentBytes);

/// <summary>
/// The reader benchmark's own data, added beside the demo data the portal seeded at its start (the demo data is not
/// changed): one organ, "Bänknämnden", with <c>members</c> ledamöter, each with a login (password <see cref="Password"/>),
/// and a meeting a week ahead with 25 decision items, each with a handling of three pages; item 1 also has a handling of
/// 200 pages, for the first page time.
/// </summary>
internal static class ReaderData
{
    public const string Password = "Bänk-Läsläge-2026";
    public const int Items = 25;
    public const int LongPages = 200;

    /// <summary>The reader's heading when item <paramref name="item"/> is shown: its label and its first handling.</summary>
    public static string Heading(int item) => $"{item}. Ärende {item} om läsplattor till förtroendevalda: Handling 1: Utredning {item}";

    public static async Task<ReaderBenchData> SeedAsync(BenchDbContextFactory factory, int members)
    {
        await using var db = factory.Create();
        var memberRole = await db.Roles.SingleAsync(r => r.Name == Roles.Member);
        var organ = new Organ("Bänknämnden", "BEN", OrganKind.Namnd, "BEN");
        db.Organs.Add(organ);
        var today = SwedishTime.LocalDate(DateTimeOffset.UtcNow);

        // One hash for every login: hashing is slow by design, and the hash does not depend on the account.
        var hash = new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), Password);
        var emails = new List<string>();
        for (var i = 1; i <= members; i++)
        {
            var email = $"bank{i:D3}@exempelby.se";
            emails.Add(email);
            var user = new ApplicationUser
            {
                Id = Guid.NewGuid(),
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                DisplayName = $"Bänkledamot {i}",
                PasswordHash = hash,
                SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = memberRole.Id });
            var person = new Person("Bänkledamot", i.ToString(System.Globalization.CultureInfo.InvariantCulture), email) { UserId = user.Id };
            db.Persons.Add(person);
            db.Memberships.Add(new Membership(person.Id, organ.Id, MembershipRole.Ledamot, today.AddDays(-30), today.AddDays(365)));
        }

        var start = SwedishTime.FromLocal(today.AddDays(7), new TimeOnly(13, 0));
        var meeting = new Meeting(organ.Id, start, start.AddHours(4), "Kommunhuset, sammanträdesrum Eken");
        string longTitle = string.Empty;
        var longBytes = 0;
        for (var i = 1; i <= Items; i++)
        {
            var @case = new Case(organ.Id, "BEN", today.Year, i, $"BEN-{today.Year}-{i}", $"Ärende {i} om läsplattor till förtroendevalda", today.AddDays(-40), null);
            @case.MoveTo(CaseStatus.UnderBeredning);
            @case.MoveTo(CaseStatus.KlartForBeslut);
            db.Cases.Add(@case);
            var documents = new List<Guid> { AddDocument(db, @case, 1, $"Utredning {i}", Pdf($"Utredning {i}", 3)) };
            if (i == 1)
            {
                var pdf = Pdf("Underlag med bilagor", LongPages);
                documents.Add(AddDocument(db, @case, 2, "Underlag med bilagor", pdf));
                longTitle = "Handling 2: Underlag med bilagor";
                longBytes = pdf.Length;
            }

            var item = meeting.AddItem(AgendaItemKind.Decision, @case.Title, @case.Id, @case.Number);
            meeting.SetItemDocuments(item.Id, false, documents);
        }

        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return new ReaderBenchData(meeting.Id, emails, longTitle, longBytes);
    }

    private static Guid AddDocument(Infrastructure.Persistence.AppDbContext db, Case @case, int ordinal, string description, byte[] pdf)
    {
        var document = new CaseDocument(@case.Id, ordinal, DocumentDirection.Upprattad, @case.RegisteredOn, null, description);
        db.CaseDocuments.Add(document);
        db.FileBlobs.Add(new FileBlob(pdf));
        db.DocumentVersions.Add(new DocumentVersion(@case.Id, document.Id, 1, $"{description}.pdf", FileKind.Pdf, "application/pdf", pdf.Length, FileBlob.Checksum(pdf)));
        return document.Id;
    }

    private const string Line = "Förvaltningen redovisar kostnader, kvalitet och arbetsmiljö med jämförelser mot tidigare år och andra kommuner.";

    /// <summary>A text PDF of <paramref name="pages"/> A4 pages, each with a heading and 45 lines (content streams uncompressed, as many scanners and office suites leave them).</summary>
    private static byte[] Pdf(string title, int pages)
    {
        PdfSharpFonts.EnsureRegistered();
        using var document = new PdfDocument();
        document.Options.CompressContentStreams = false;
        var heading = new XFont("Arial", 16);
        var text = new XFont("Arial", 10);
        for (var p = 1; p <= pages; p++)
        {
            var page = document.AddPage();
            using var graphics = XGraphics.FromPdfPage(page);
            graphics.DrawString($"{title}, sida {p} av {pages}", heading, XBrushes.Black, 60, 70);
            for (var l = 0; l < 45; l++)
            {
                graphics.DrawString($"{l + 1}. {Line}", text, XBrushes.Black, 60, 100 + (l * 15));
            }
        }

        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }
}
