using Nämndportal.Domain.Common;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Domain.Tests.Organisation;

public class OrganTests
{
    private static readonly Organ Sun = new("Social- och utbildningsnämnden", "SUN", OrganKind.Namnd, "SUN");

    [Fact]
    public void Utskott_without_parent_organ_is_rejected()
    {
        var error = Should.Throw<DomainException>(() => new Organ("Arbetsutskottet", "AU", OrganKind.Utskott, "SUN"));
        error.Message.ShouldBe("Ett utskott måste höra till ett överordnat organ.");
    }

    [Fact]
    public void Utskott_under_a_nämnd_is_accepted()
    {
        var utskott = new Organ("Arbetsutskottet", "SUN AU", OrganKind.Utskott, "SUN", Sun.Id);
        utskott.ParentId.ShouldBe(Sun.Id);
        utskott.Kind.ShouldBe(OrganKind.Utskott);
    }

    [Theory]
    [InlineData(OrganKind.Fullmaktige)]
    [InlineData(OrganKind.Kommunstyrelse)]
    [InlineData(OrganKind.Namnd)]
    public void Only_an_utskott_may_have_a_parent_organ(OrganKind kind)
    {
        var error = Should.Throw<DomainException>(() => new Organ("Omsorgsnämnden", "OMN", kind, "OMF", Sun.Id));
        error.Message.ShouldBe("Bara ett utskott kan ha ett överordnat organ.");
    }

    [Fact]
    public void Utskott_losing_its_parent_in_an_update_is_rejected()
    {
        var utskott = new Organ("Arbetsutskottet", "SUN AU", OrganKind.Utskott, "SUN", Sun.Id);

        Should.Throw<DomainException>(() =>
            utskott.Update("Arbetsutskottet", "SUN AU", OrganKind.Utskott, "SUN", null, null, null, OrganRules.Default));

        utskott.ParentId.ShouldBe(Sun.Id);
    }

    [Fact]
    public void Organ_cannot_be_its_own_parent()
    {
        var utskott = new Organ("Arbetsutskottet", "SUN AU", OrganKind.Utskott, "SUN", Sun.Id);

        Should.Throw<DomainException>(() =>
            utskott.Update("Arbetsutskottet", "SUN AU", OrganKind.Utskott, "SUN", utskott.Id, null, null, OrganRules.Default));
    }

    [Theory]
    [InlineData("  ", "X", "X")]
    [InlineData("Omsorgsnämnden", " ", "OMF")]
    [InlineData("Omsorgsnämnden", "OMN", "")]
    public void Organ_needs_name_short_name_and_case_number_prefix(string name, string shortName, string prefix)
    {
        Should.Throw<DomainException>(() => new Organ(name, shortName, OrganKind.Namnd, prefix));
    }

    [Fact]
    public void Paragraph_series_defaults_to_the_short_name()
    {
        var utskott = new Organ("Social- och utbildningsnämndens arbetsutskott", " SUN AU ", OrganKind.Utskott, "SUN", Sun.Id);

        utskott.ShortName.ShouldBe("SUN AU");
        utskott.ParagraphSeries.ShouldBe("SUN AU");
    }

    [Fact]
    public void Utskott_may_number_its_paragraphs_in_its_nämnds_series()
    {
        var utskott = new Organ("Social- och utbildningsnämndens arbetsutskott", "SUN AU", OrganKind.Utskott, "SUN", Sun.Id);

        utskott.Update(utskott.Name, utskott.ShortName, OrganKind.Utskott, "SUN", Sun.Id, " SUN ", null, OrganRules.Default);
        utskott.ParagraphSeries.ShouldBe("SUN");

        utskott.Update(utskott.Name, "SUN AU2", OrganKind.Utskott, "SUN", Sun.Id, "  ", null, OrganRules.Default);
        utskott.ParagraphSeries.ShouldBe("SUN AU2");
    }

    [Fact]
    public void Update_sets_the_reglemente()
    {
        var omn = new Organ("Omsorgsnämnden", "OMN", OrganKind.Namnd, "OMF");
        var rules = new OrganRules(7, 10, 2, false, true);

        omn.Update(omn.Name, omn.ShortName, omn.Kind, omn.CaseNumberPrefix, null, null, "Kommunhuset, Björken", rules);

        omn.Rules.ShouldBe(rules);
        omn.DefaultMeetingPlace.ShouldBe("Kommunhuset, Björken");
    }

    [Fact]
    public void Ending_an_organ_twice_is_rejected()
    {
        var omn = new Organ("Omsorgsnämnden", "OMN", OrganKind.Namnd, "OMF");
        omn.End(new DateOnly(2026, 12, 31));

        var error = Should.Throw<DomainException>(() => omn.End(new DateOnly(2027, 6, 30)));

        error.Message.ShouldBe("Organet är redan avslutat.");
        omn.EndedOn.ShouldBe(new DateOnly(2026, 12, 31));
    }

    [Fact]
    public void Ended_organ_is_active_through_its_last_day()
    {
        var omn = new Organ("Omsorgsnämnden", "OMN", OrganKind.Namnd, "OMF");
        omn.IsActiveOn(new DateOnly(2040, 1, 1)).ShouldBeTrue();

        omn.End(new DateOnly(2026, 12, 31));

        omn.IsActiveOn(new DateOnly(2026, 12, 31)).ShouldBeTrue();
        omn.IsActiveOn(new DateOnly(2027, 1, 1)).ShouldBeFalse();
    }
}
