using Nämndportal.Domain.Organisation;

namespace Nämndportal.Web.Components.Pages.Organisation;

public static class OrganKinds
{
    public static string Name(OrganKind kind) => kind switch
    {
        OrganKind.Fullmaktige => "Fullmäktige",
        OrganKind.Kommunstyrelse => "Kommunstyrelse",
        OrganKind.Namnd => "Nämnd",
        OrganKind.Utskott => "Utskott",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Name(OfficialFunction function) => function switch
    {
        OfficialFunction.Namndsekreterare => "Nämndsekreterare",
        OfficialFunction.Forvaltningschef => "Förvaltningschef",
        OfficialFunction.Handlaggare => "Handläggare",
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, null),
    };
}
