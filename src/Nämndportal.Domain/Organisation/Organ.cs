using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Organisation;

/// <summary>A decision-making body: fullmäktige, kommunstyrelse, a nämnd, or an utskott under one of them.</summary>
public sealed class Organ : Entity, IConcurrencyVersioned
{
    private Organ()
    {
        Name = string.Empty;
        ShortName = string.Empty;
        CaseNumberPrefix = string.Empty;
    }

    public Organ(string name, string shortName, OrganKind kind, string caseNumberPrefix, Guid? parentId = null)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainException("Organet måste ha ett namn.");
        }

        if (kind == OrganKind.Utskott && parentId is null)
        {
            throw new DomainException("Ett utskott måste höra till ett överordnat organ.");
        }

        Name = name.Trim();
        ShortName = shortName.Trim();
        Kind = kind;
        CaseNumberPrefix = caseNumberPrefix.Trim();
        ParentId = parentId;
    }

    public string Name { get; private set; }

    public string ShortName { get; private set; }

    public OrganKind Kind { get; private set; }

    public Guid? ParentId { get; private set; }

    public string CaseNumberPrefix { get; private set; }

    public string? DefaultMeetingPlace { get; set; }

    public uint Version { get; private set; }
}
