namespace Nämndportal.Domain.Organisation;

public enum OfficialFunction
{
    Namndsekreterare,
    Forvaltningschef,
    Handlaggare,
}
