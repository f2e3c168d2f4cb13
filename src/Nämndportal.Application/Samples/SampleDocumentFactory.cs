using Nämndportal.Domain.Common;

namespace Nämndportal.Application.Samples;

/// <summary>Builds the fictitious sample kallelse: a fixed text, so its PDF can be checked word for word.</summary>
public static class SampleDocumentFactory
{
    private static readonly string[] Titles =
    [
        "Val av justerare",
        "Årsbokslut 2025 – Omsorgsverksamheten",
        "Fastställande av bidragsbelopp för förskola och fritidshem 2026",
        "Yttrande över granskning av nämndernas systematiska informationssäkerhetsarbete",
        "Uppföljning av internkontrollplan, tertial 3",
        "Redovisning av delegationsbeslut",
        "Redovisning av meddelanden",
        "Information från förvaltningschefen",
    ];

    public static SampleDocumentModel Create(int sections)
    {
        var count = Math.Clamp(sections, 1, 40);
        var items = Enumerable.Range(1, count)
            .Select(n => new SampleSection(n, Titles[(n - 1) % Titles.Length], Paragraphs(n)))
            .ToList();
        return new SampleDocumentModel(
            "Omsorgsnämnden i Exempelby kommun",
            SwedishTime.FromLocal(new DateOnly(2026, 12, 9), new TimeOnly(13, 0)),
            "Kommunhuset, sammanträdesrum Björken",
            items);
    }

    private static List<string> Paragraphs(int n) =>
    [
        $"Förvaltningens förslag till beslut: Omsorgsnämnden beslutar att godkänna ärende {n} enligt förvaltningens tjänsteskrivelse.",
        "Sammanfattning: Ärendet har beretts av förvaltningen. Ekonomiska konsekvenser, barnperspektivet och "
            + "jämställdhetsperspektivet har beaktats. Nämnden föreslås fatta beslut i enlighet med förslaget.",
        .. Enumerable.Range(1, 14).Select(i =>
            $"Beskrivning av ärendet, stycke {i}: Verksamheten har under året arbetat vidare med kvalitet, "
            + "tillgänglighet och säkerhet. Åtgärderna följs upp vid nämndens sammanträden och redovisas i "
            + "delårsrapporten. Särskilda ögonblick: åäö ÅÄÖ é – § 12."),
    ];
}
