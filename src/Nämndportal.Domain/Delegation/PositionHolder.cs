using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Delegation;

/// <summary>
/// Who held a position for an organ, from and to which day (förordnande): the delegate check asks whether the person who
/// decided held a position the point delegates to on the day of the decision. A tf (acting) holder is a holder too.
/// </summary>
public sealed class PositionHolder : Entity
{
    private PositionHolder()
    {
        Title = string.Empty;
        Name = string.Empty;
    }

    public PositionHolder(Guid organId, string title, Guid? userId, string name, DateOnly validFrom, DateOnly? validTo)
        : this()
    {
        OrganId = organId;
        Title = DelegateRole.Position(title).Title!;
        UserId = userId;
        Name = string.IsNullOrWhiteSpace(name) ? throw new DomainException("Ange vem som har befattningen.") : name.Trim();
        if (validTo is { } to && to < validFrom)
        {
            throw new DomainException("Förordnandet kan inte sluta innan det börjar.");
        }

        ValidFrom = validFrom;
        ValidTo = validTo;
    }

    public Guid OrganId { get; private set; }

    public string Title { get; private set; }

    /// <summary>The holder's login, when they have one (a delegate registers their own decisions).</summary>
    public Guid? UserId { get; private set; }

    public string Name { get; private set; }

    public DateOnly ValidFrom { get; private set; }

    public DateOnly? ValidTo { get; private set; }

    /// <summary>Ends the förordnande on <paramref name="lastDay"/> (the last day it applied).</summary>
    public void End(DateOnly lastDay)
    {
        if (lastDay < ValidFrom)
        {
            throw new DomainException($"Förordnandet kan inte sluta före {ValidFrom:yyyy-MM-dd}, då det började.");
        }

        if (ValidTo is { } to && to < lastDay)
        {
            throw new DomainException($"Förordnandet slutade redan {to:yyyy-MM-dd}.");
        }

        ValidTo = lastDay;
    }

    public bool IsValidOn(DateOnly date) => ValidFrom <= date && (ValidTo is null || date <= ValidTo);

    public DelegateRole Position => DelegateRole.Position(Title);
}

/// <summary>
/// Vidaredelegation (KL 7:6): the förvaltningschef passes a point that allows it on to another position, for a period.
/// </summary>
public sealed class OnwardDelegation : Entity
{
    private OnwardDelegation()
    {
        PointCode = string.Empty;
        ToTitle = string.Empty;
        GrantedBy = string.Empty;
    }

    public OnwardDelegation(Guid organId, DelegationPoint point, string toTitle, string grantedBy, DateOnly validFrom, DateOnly? validTo)
        : this()
    {
        ArgumentNullException.ThrowIfNull(point);
        if (!point.MayPassOn)
        {
            throw new DomainException($"Punkt {point.Code} får inte vidaredelegeras.");
        }

        if (validTo is { } to && to < validFrom)
        {
            throw new DomainException("Vidaredelegationen kan inte sluta innan den börjar.");
        }

        OrganId = organId;
        PointCode = point.Code;
        ToTitle = DelegateRole.Position(toTitle).Title!;
        GrantedBy = string.IsNullOrWhiteSpace(grantedBy) ? throw new DomainException("Ange vem som vidaredelegerade.") : grantedBy.Trim();
        ValidFrom = validFrom;
        ValidTo = validTo;
    }

    public Guid OrganId { get; private set; }

    public string PointCode { get; private set; }

    public string ToTitle { get; private set; }

    /// <summary>The förvaltningschef who passed it on, by name.</summary>
    public string GrantedBy { get; private set; }

    public DateOnly ValidFrom { get; private set; }

    public DateOnly? ValidTo { get; private set; }

    /// <summary>Ends the vidaredelegation on <paramref name="lastDay"/> (the last day it applied).</summary>
    public void End(DateOnly lastDay)
    {
        if (lastDay < ValidFrom)
        {
            throw new DomainException($"Vidaredelegationen kan inte sluta före {ValidFrom:yyyy-MM-dd}, då den började.");
        }

        if (ValidTo is { } to && to < lastDay)
        {
            throw new DomainException($"Vidaredelegationen slutade redan {to:yyyy-MM-dd}.");
        }

        ValidTo = lastDay;
    }

    public bool IsValidOn(DateOnly date) => ValidFrom <= date && (ValidTo is null || date <= ValidTo);
}
