namespace Nämndportal.Domain.Organisation;

public enum OrganKind
{
    Fullmaktige,
    Kommunstyrelse,
    Namnd,
    Utskott,
}
