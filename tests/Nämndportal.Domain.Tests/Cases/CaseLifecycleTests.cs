using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Common;
using Case = Nämndportal.Domain.Cases.Case;

namespace Nämndportal.Domain.Tests.Cases;

public class CaseLifecycleTests
{
    private static Case NewCase() => new(Guid.NewGuid(), "OMF", 2026, 1, "OMF-2026-1", "Yttrande över granskning av informationssäkerhet", new DateOnly(2026, 11, 22), null);

    [Fact]
    public void Case_goes_from_registration_through_decision_to_closure()
    {
        var @case = NewCase();
        foreach (var step in new[] { CaseStatus.UnderBeredning, CaseStatus.KlartForBeslut, CaseStatus.PaForedragningslista, CaseStatus.Beslutat, CaseStatus.Expedierat, CaseStatus.Avslutat })
        {
            @case.MoveTo(step);
        }

        @case.Status.ShouldBe(CaseStatus.Avslutat);
    }

    [Fact]
    public void Återremiss_leads_back_to_preparation_and_bordläggning_back_to_the_agenda()
    {
        var @case = NewCase();
        @case.MoveTo(CaseStatus.UnderBeredning);
        @case.MoveTo(CaseStatus.KlartForBeslut);
        @case.MoveTo(CaseStatus.PaForedragningslista);
        @case.MoveTo(CaseStatus.Aterremitterat);
        @case.MoveTo(CaseStatus.UnderBeredning);
        @case.MoveTo(CaseStatus.KlartForBeslut);
        @case.MoveTo(CaseStatus.PaForedragningslista);
        @case.MoveTo(CaseStatus.Bordlagt);
        @case.MoveTo(CaseStatus.PaForedragningslista);
        @case.MoveTo(CaseStatus.Beslutat);
        @case.Status.ShouldBe(CaseStatus.Beslutat);
    }

    [Theory]
    [InlineData(CaseStatus.Beslutat)]
    [InlineData(CaseStatus.PaForedragningslista)]
    [InlineData(CaseStatus.Expedierat)]
    public void Registered_case_cannot_skip_its_preparation(CaseStatus next)
    {
        var @case = NewCase();
        Should.Throw<DomainException>(() => @case.MoveTo(next)).Message.ShouldStartWith("Ett ärende med status Registrerat kan inte få status");
        @case.Status.ShouldBe(CaseStatus.Registrerat);
    }

    [Fact]
    public void Closed_case_stays_closed()
    {
        var @case = NewCase();
        @case.MoveTo(CaseStatus.Avslutat);
        foreach (var status in Enum.GetValues<CaseStatus>())
        {
            @case.CanMoveTo(status).ShouldBeFalse();
        }
    }

    [Fact]
    public void Case_needs_a_title()
    {
        Should.Throw<DomainException>(() => new Case(Guid.NewGuid(), "OMF", 2026, 1, "OMF-2026-1", " ", new DateOnly(2026, 1, 1), null));
    }
}
