namespace Nämndportal.Domain.Cases;

public static class CaseStatusNames
{
    public static string Name(CaseStatus status) => status switch
    {
        CaseStatus.Registrerat => "Registrerat",
        CaseStatus.UnderBeredning => "Under beredning",
        CaseStatus.KlartForBeslut => "Klart för beslut",
        CaseStatus.PaForedragningslista => "På föredragningslista",
        CaseStatus.Beslutat => "Beslutat",
        CaseStatus.Expedierat => "Expedierat",
        CaseStatus.Avslutat => "Avslutat",
        CaseStatus.Aterremitterat => "Återremitterat",
        CaseStatus.Bordlagt => "Bordlagt",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
