using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Files;

namespace Nämndportal.Domain.Tests.Cases;

/// <summary>Domain rules 21 and 22: a registered handling's particulars (OSL 5:2) and its sekretessmarkering (OSL 5:5).</summary>
public class CaseDocumentTests
{
    private static CaseDocument NewDocument() =>
        new(Guid.NewGuid(), 1, DocumentDirection.Inkommen, new DateOnly(2026, 11, 20), " Länsstyrelsen Dalarna ", " Beslut efter tillsyn ");

    [Fact]
    public void Rule_21_registered_document_keeps_date_counterpart_and_short_description()
    {
        var document = NewDocument();

        document.DocumentDate.ShouldBe(new DateOnly(2026, 11, 20));
        document.Counterpart.ShouldBe("Länsstyrelsen Dalarna");
        document.Description.ShouldBe("Beslut efter tillsyn");
        Should.Throw<DomainException>(() => document.Describe(DocumentDirection.Upprattad, new DateOnly(2026, 11, 20), null, "  "))
            .Message.ShouldBe("Handlingen måste ha en kort beskrivning.");
    }

    [Theory]
    [InlineData(false, false, "Länsstyrelsen Dalarna", "Beslut efter tillsyn")]
    [InlineData(true, false, "(sekretess)", "Beslut efter tillsyn")]
    [InlineData(false, true, "Länsstyrelsen Dalarna", "(sekretess)")]
    [InlineData(true, true, "(sekretess)", "(sekretess)")]
    public void Rule_21_public_view_leaves_out_what_is_hidden_publicly(bool hideCounterpart, bool hideDescription, string counterpart, string description)
    {
        var document = NewDocument();
        document.SetPublicHiding(hideCounterpart, hideDescription);

        document.PublicView().ShouldBe(new PublicDocumentView(1, DocumentDirection.Inkommen, new DateOnly(2026, 11, 20), counterpart, description));
    }

    [Fact]
    public void Rule_22_public_view_of_a_secret_handling_shows_neither_counterpart_nor_description()
    {
        var document = NewDocument();
        document.MarkSecret("OSL 26 kap. 1 §", new DateOnly(2026, 11, 21), null, "Sara Sekreterare");

        var view = document.PublicView();
        view.Counterpart.ShouldBe("(sekretess)");
        view.Description.ShouldBe("(sekretess)");
        new CaseDocument(Guid.NewGuid(), 2, DocumentDirection.Upprattad, new DateOnly(2026, 11, 20), null, "Internt PM").PublicView().Counterpart
            .ShouldBeNull("no sender or recipient to hide");
    }

    [Theory]
    [InlineData("OSL 26 kap. 1 §", "OSL 26 kap. 1 §")]
    [InlineData("26 kap 1 §", "OSL 26 kap. 1 §")]
    [InlineData("osl 26:1", "OSL 26 kap. 1 §")]
    [InlineData("OSL 21 kap. 7 § första stycket", "OSL 21 kap. 7 § första stycket")]
    [InlineData("OSL 19 kap. 3a §", "OSL 19 kap. 3a §")]
    public void Secrecy_provision_is_written_the_one_way(string typed, string written) =>
        CaseDocument.NormaliseProvision(typed).ShouldBe(written);

    [Theory]
    [InlineData("")]
    [InlineData("hemlig")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("OSL kap. §")]
    public void Something_that_is_not_a_provision_is_refused(string typed) =>
        Should.Throw<DomainException>(() => NewDocument().MarkSecret(typed, new DateOnly(2026, 11, 22), Guid.NewGuid(), "Sara Sekreterare"))
            .Message.ShouldContain("Ange sekretessbestämmelsen i OSL");

    [Fact]
    public void Rule_22_sekretessmarkering_states_provision_date_and_who_marked_it()
    {
        var document = NewDocument();
        var who = Guid.NewGuid();

        document.MarkSecret("26 kap. 1 §", new DateOnly(2026, 11, 22), who, "Sara Sekreterare");

        document.IsSecret.ShouldBeTrue();
        document.SecrecyProvision.ShouldBe("OSL 26 kap. 1 §");
        document.SecrecyMarkedOn.ShouldBe(new DateOnly(2026, 11, 22));
        document.SecrecyMarkedByUserId.ShouldBe(who);
        document.SecrecyMarkedByName.ShouldBe("Sara Sekreterare");
        Should.Throw<DomainException>(() => document.MarkSecret("OSL 26 kap. 1 §", new DateOnly(2026, 11, 22), who, " "));

        document.RemoveSecrecy();
        document.IsSecret.ShouldBeFalse();
        document.SecrecyMarkedByName.ShouldBeNull();
    }

    [Fact]
    public void A_pdf_needs_no_rendition_and_any_other_file_waits_for_one()
    {
        var sha = FileBlob.Checksum([1, 2, 3]);
        var pdf = new DocumentVersion(Guid.NewGuid(), Guid.NewGuid(), 1, "a.pdf", FileKind.Pdf, "application/pdf", 3, sha);
        var docx = new DocumentVersion(Guid.NewGuid(), Guid.NewGuid(), 1, "a.docx", FileKind.Docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", 3, sha);

        pdf.RenditionStatus.ShouldBe(RenditionStatus.NotNeeded);
        pdf.ReadablePdfSha256.ShouldBe(sha);
        docx.RenditionStatus.ShouldBe(RenditionStatus.Pending);
        docx.ReadablePdfSha256.ShouldBeNull();

        docx.RenditionFailed("Kunde inte göra en PDF av filen.");
        docx.RenditionStatus.ShouldBe(RenditionStatus.Failed);
        var rendition = FileBlob.Checksum([4, 5, 6]);
        docx.RenditionSucceeded(rendition, 2);
        docx.ReadablePdfSha256.ShouldBe(rendition);
        docx.RenditionError.ShouldBeNull();
        docx.PageCount.ShouldBe(2);
    }

    [Fact]
    public void An_empty_file_cannot_be_a_version() =>
        Should.Throw<DomainException>(() => new DocumentVersion(Guid.NewGuid(), Guid.NewGuid(), 1, "a.pdf", FileKind.Pdf, "application/pdf", 0, FileBlob.Checksum([])))
            .Message.ShouldBe("Filen är tom.");

    [Fact]
    public void A_case_cannot_be_linked_to_itself_and_a_pair_is_stored_one_way()
    {
        var a = Guid.CreateVersion7();
        var b = Guid.CreateVersion7();
        Should.Throw<DomainException>(() => new CaseLink(a, a, null));

        var fromB = new CaseLink(b, a, "  ");
        var fromA = new CaseLink(a, b, null);
        (fromB.FirstCaseId, fromB.SecondCaseId).ShouldBe((fromA.FirstCaseId, fromA.SecondCaseId));
        fromB.Other(a).ShouldBe(b);
        fromB.Note.ShouldBeNull();
    }

    [Fact]
    public void Officer_report_keeps_only_filled_att_satser_and_dispatch_lines()
    {
        var report = new OfficerReport(Guid.NewGuid());
        var basis = Guid.NewGuid();

        report.Write(["godkänna verksamhetsplanen", " ", " uppdra åt förvaltningen att återrapportera "], "<p>Sammanfattning</p>", "<p>Beskrivning</p>",
            [basis, basis], [new ConsequenceSection { Heading = "Ekonomi", Html = "<p>Ryms i budget.</p>" }, new ConsequenceSection { Heading = " " }],
            ["Omsorgsförvaltningen", ""], "Sammanfattning Beskrivning");

        report.Proposals.ShouldBe(["godkänna verksamhetsplanen", "uppdra åt förvaltningen att återrapportera"]);
        report.DecisionBasis.ShouldBe([basis]);
        report.Consequences.Select(c => c.Heading).ShouldBe(["Ekonomi"]);
        report.DispatchTo.ShouldBe(["Omsorgsförvaltningen"]);
    }
}
