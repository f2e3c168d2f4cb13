using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Cases;
using Nämndportal.Domain.Cases;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Cases;

/// <summary>Domain rule 21: the hide-publicly flags of a handling are stored, set only by who may prepare the case, and honoured by the public view.</summary>
public class DocumentPublicHidingTests(DatabaseFixture database) : DocumentTest(database)
{
    [Fact]
    public async Task Flags_given_at_registration_are_stored_shown_to_the_organ_and_honoured_by_the_public_view()
    {
        var request = Upload("brev.pdf", TestFiles.Pdf("Brev"), description: "Klagomål från en boende") with
        {
            Counterpart = "Karin Klagande", HideCounterpartPublicly = true, HideDescriptionPublicly = false,
        };
        var added = (await AddHandler(CaseOfficer).HandleAsync(request)).Value!;

        var listed = (await ListHandler(Member).HandleAsync(new ListCaseDocuments(Case.Id))).Value!.Documents.ShouldHaveSingleItem();
        listed.HideCounterpartPublicly.ShouldBeTrue();
        listed.HideDescriptionPublicly.ShouldBeFalse();
        listed.Counterpart.ShouldBe("Karin Klagande", "the organ's own people see the sender; only public views leave it out");

        await using var db = Database.CreateContext();
        var stored = await db.CaseDocuments.SingleAsync(d => d.Id == added.DocumentId);
        stored.PublicView().ShouldBe(new PublicDocumentView(1, DocumentDirection.Inkommen, stored.DocumentDate, "(sekretess)", "Klagomål från en boende"));
    }

    [Fact]
    public async Task Member_who_may_not_prepare_the_case_cannot_register_a_handling_with_flags()
    {
        var request = Upload("brev.pdf", TestFiles.Pdf("Brev"), description: "Klagomål") with { HideDescriptionPublicly = true };

        (await AddHandler(Member).HandleAsync(request)).Error!.Message.ShouldBe("Ärendet finns inte, eller så saknar du behörighet att se det.");

        (await CountRowsAsync()).Documents.ShouldBe(0);
    }
}
