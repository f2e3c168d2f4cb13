using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Cases;

/// <summary>
/// An ärende: its diarienummer (prefix, year and running number, never reused), its title (ärendemening), the organ,
/// the case officer and its status. The status moves only along <see cref="AllowedTransitions"/>.
/// </summary>
public sealed class Case : Entity, IConcurrencyVersioned
{
    private static readonly Dictionary<CaseStatus, CaseStatus[]> AllowedTransitions = new()
    {
        [CaseStatus.Registrerat] = [CaseStatus.UnderBeredning, CaseStatus.Avslutat],
        [CaseStatus.UnderBeredning] = [CaseStatus.KlartForBeslut, CaseStatus.Avslutat],
        [CaseStatus.KlartForBeslut] = [CaseStatus.PaForedragningslista, CaseStatus.UnderBeredning],
        [CaseStatus.PaForedragningslista] = [CaseStatus.Beslutat, CaseStatus.Aterremitterat, CaseStatus.Bordlagt, CaseStatus.KlartForBeslut],
        [CaseStatus.Aterremitterat] = [CaseStatus.UnderBeredning],
        [CaseStatus.Bordlagt] = [CaseStatus.PaForedragningslista],
        [CaseStatus.Beslutat] = [CaseStatus.Expedierat],
        [CaseStatus.Expedierat] = [CaseStatus.Avslutat],
        [CaseStatus.Avslutat] = [],
    };

    private Case()
    {
        Prefix = string.Empty;
        Number = string.Empty;
        Title = string.Empty;
    }

    public Case(Guid organId, string prefix, int year, int sequence, string number, string title, DateOnly registeredOn, Guid? caseOfficerUserId)
        : this()
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainException("Ärendet måste ha en ärendemening.");
        }

        if (sequence < 1)
        {
            throw new DomainException("Löpnumret börjar på 1.");
        }

        OrganId = organId;
        Prefix = prefix;
        Year = year;
        Sequence = sequence;
        Number = number;
        Title = title.Trim();
        RegisteredOn = registeredOn;
        CaseOfficerUserId = caseOfficerUserId;
        Status = CaseStatus.Registrerat;
    }

    public Guid OrganId { get; private set; }

    public string Prefix { get; private set; }

    public int Year { get; private set; }

    /// <summary>The running number within prefix and year.</summary>
    public int Sequence { get; private set; }

    /// <summary>The diarienummer as the organ writes it (e.g. OMF-2024-149).</summary>
    public string Number { get; private set; }

    /// <summary>The ärendemening.</summary>
    public string Title { get; private set; }

    public DateOnly RegisteredOn { get; private set; }

    public Guid? CaseOfficerUserId { get; private set; }

    public CaseStatus Status { get; private set; }

    public uint Version { get; private set; }

    public bool CanMoveTo(CaseStatus next) => AllowedTransitions[Status].Contains(next);

    public void MoveTo(CaseStatus next)
    {
        if (!CanMoveTo(next))
        {
            throw new DomainException($"Ett ärende med status {CaseStatusNames.Name(Status)} kan inte få status {CaseStatusNames.Name(next)}.");
        }

        Status = next;
    }
}
