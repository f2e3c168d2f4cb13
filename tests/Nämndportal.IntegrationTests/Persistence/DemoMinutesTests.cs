using Microsoft.EntityFrameworkCore;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Minutes;
using Nämndportal.Domain.NoticeBoard;
using Nämndportal.IntegrationTests.Support;
using UglyToad.PdfPig;

namespace Nämndportal.IntegrationTests.Persistence;

/// <summary>Issue 11's demo: what a newcomer's first ./dev.sh run shows of the protokoll.</summary>
public sealed class DemoMinutesTests(DatabaseFixture database) : IntegrationTest(database)
{
    [Fact]
    public async Task Omsorgsnamnden_has_a_justerat_protokoll_with_a_vote_reservation_jav_and_adjournment_on_the_anslagstavla_and_one_waiting_for_Lars()
    {
        await using var app = await PortalFactory.StartAsync(Database);
        await using var db = Database.CreateContext();
        var all = await db.MeetingMinutes.Include("_sections").OrderBy(m => m.MeetingDate).ToListAsync();
        all.Count.ShouldBe(2);
        var (held, extra) = (all[0], all[1]);

        held.Status.ShouldBe(MinutesStatus.Approved);
        held.FirstNumber.ShouldBe(97, "the demo continues the year's series after § 96");
        held.Sections.ShouldContain(s => s.Votes.Count == 1 && s.Reservations.Count == 2 && s.Proposals.Any(p => p.Withdrawn));
        held.Sections.ShouldContain(s => s.Disqualifications.Count == 1 && s.Disqualifications[0].SubstituteId != null);
        held.Sections.ShouldContain(s => s.SecrecyProvision == "OSL 26 kap. 1 §");
        held.Adjournments.Count.ShouldBe(1);
        held.Attendees.ShouldContain(a => a.ServesFor != null);
        held.MinutesApprovals.Count.ShouldBe(2);
        held.PublicFileId.ShouldNotBeNull();

        var today = SwedishTime.LocalDate(DateTimeOffset.UtcNow);
        var posting = await db.Postings.SingleAsync(p => p.MinutesId == held.Id && !p.IsCorrection);
        posting.Kind.ShouldBe(PostingKind.Protokoll);
        posting.IsUpOn(today).ShouldBeTrue("the anslag is up when the newcomer looks");
        posting.PublicFileId.ShouldBe(held.PublicFileId);

        // A justerad rättelse of the guidelines' §, with its own anslag up and its signed print.
        var correction = held.Corrections.ShouldHaveSingleItem();
        correction.ApprovedAt.ShouldNotBeNull();
        var guidelines = held.Sections.Single(s => s.Title.StartsWith("Riktlinjer", StringComparison.Ordinal));
        correction.Section.ShouldBe(guidelines.Number);
        var correctionPosting = await db.Postings.SingleAsync(p => p.Id == correction.PostingId);
        (correctionPosting.IsCorrection, correctionPosting.Sections).ShouldBe((true, $"Rättelse 1 av § {guidelines.Number}"));
        correctionPosting.IsUpOn(today).ShouldBeTrue("the rättelse's anslag is up when the newcomer looks");
        using (var pdf = PdfDocument.Open((await db.StoredFiles.SingleAsync(f => f.Id == correction.SignedFileId)).Content))
        {
            string.Join(' ', pdf.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text))))
                .ShouldContain("Rättelsen har signerats digitalt av Ordförande – Sara Westerlund, Justerande – Lars Ledamot");
        }

        var signed = (await db.StoredFiles.SingleAsync(f => f.Id == held.ApprovedFileId)).Content;
        using (var pdf = PdfDocument.Open(signed))
        {
            var first = string.Join(' ', pdf.GetPage(1).GetWords().Select(w => w.Text));
            first.ShouldContain("Protokollet har signerats digitalt av Ordförande – Sara Westerlund, Justerande – Lars Ledamot");
        }

        extra.Status.ShouldBe(MinutesStatus.ForApproval);
        var lars = await db.Persons.SingleAsync(p => p.FirstName == "Lars" && p.LastName == "Ledamot");
        extra.Adjusters.ShouldBe([lars.Id]);
        extra.MinutesApprovals.Select(a => a.Role).ShouldBe([SignerRole.Chair]);
        extra.Deadline.StatusOn(today).ShouldNotBe(ApprovalDeadlineStatus.Passed);
    }
}
