using System.Globalization;
using System.Text;

namespace Nämndportal.Benchmarks;

/// <summary>
/// Swedish-looking municipal text from a fixed vocabulary with Zipf frequencies: function words most often (the
/// full-text index drops them, as it would in real text), then a few hundred common words, then some thousand
/// compounds, and a long tail of rarer compounds, place names, people and numbers. Everything is seeded, so the
/// same seed gives the same text.
/// </summary>
internal sealed class SwedishText
{
    private static readonly string[] FunctionWords =
    [
        "och", "att", "i", "som", "det", "en", "på", "för", "är", "med", "av", "till", "den", "har", "de", "inte", "om", "ett",
        "kan", "ska", "vid", "eller", "från", "under", "enligt", "samt", "detta", "dessa", "efter", "mellan", "genom", "också",
        "andra", "även", "där", "vilket", "när", "sina", "sin", "sitt", "bör", "måste", "skulle", "finns", "blir", "var",
        "vara", "hur", "alla", "inom", "utan", "mot", "än", "så", "denna", "dock", "därför", "redan", "här", "mer",
    ];

    private static readonly string[] CommonWords = Split("""
        nämnd nämnden nämndens kommun kommunen kommunens förvaltning förvaltningen förvaltningens beslut beslutet besluten
        ärende ärendet ärenden yttrande yttrandet budget budgeten verksamhet verksamheten verksamheter ekonomi ekonomin
        ekonomiska uppföljning uppföljningen plan planen planer planering skola skolan skolor skolorna förskola förskolan
        förskolor elever eleverna barn barnen vårdnadshavare omsorg omsorgen äldreomsorg hemtjänst hemtjänsten boende
        boendet bostäder lokal lokalen lokaler lokalerna fastighet fastigheten fastigheter detaljplan detaljplanen bygglov
        bygglovet ansökan ansökningar tillstånd tillståndet miljö miljön hälsa hälsan skydd tillsyn tillsynen kontroll
        kontrollen avgift avgiften avgifter taxa taxan kostnad kostnaden kostnader intäkter investering investeringar
        underskott överskott prognos prognosen resultat resultatet mål målen målet åtgärd åtgärder åtgärderna risk risker
        riskerna analys analysen utredning utredningen rapport rapporten granskning granskningen revision revisorerna
        rekommendation rekommendationer medarbetare medarbetarna personal personalen chef chefen rektor rektorn enhet
        enheten enheter avdelning avdelningen område området områden invånare invånarna medborgare medborgarna förslag
        förslaget motion motionen medborgarförslag remiss remissen samråd samrådet dialog information informationen
        kommunikation digitalisering digitala system systemet avtal avtalet avtalen upphandling upphandlingen leverantör
        leverantören entreprenad kvalitet kvaliteten säkerhet säkerheten trygghet tryggheten trafik trafiken gata gatan
        gator väg vägen vägar park parken parker grönområde vatten vattnet avlopp avfall avfallet energi energin klimat
        klimatet hållbarhet hållbar hållbara social sociala socialtjänst socialtjänsten individ individen familj familjen
        familjer stöd stödet insats insatser insatserna bistånd ekonomiskt placering placeringen utbildning utbildningen
        undervisning undervisningen lärare lärarna betyg kultur kulturen fritid fritiden idrott idrotten förening
        föreningen föreningar bibliotek biblioteket ungdomar ungdomarna äldre funktionsnedsättning tillgänglighet
        delegation delegationsordning delegationsbeslut sammanträde sammanträdet protokoll protokollet justering
        paragraf ordförande ordföranden ledamot ledamöter ledamöterna ersättare kallelse kallelsen redovisning
        redovisningen årsredovisning delårsrapport internkontroll styrdokument riktlinjer riktlinjerna policy
        reglemente reglementet lag lagen förordning föreskrifter krav kraven behov behovet behoven resurser resurserna
        prioritering förändring förändringar utveckling utvecklingen arbete arbetet samverkan samarbete region regionen
        länsstyrelsen staten myndighet myndigheten myndigheter ansvar ansvaret uppdrag uppdraget uppdragen tidplan
        genomförande genomförandet projekt projektet etapp etappen kvartal år året månad månader vecka datum period
        perioden föreslår beslutar godkänner godkänna fastställa fastställer anta antar besluta återremittera uppdrar
        redovisa redovisar bedöma bedömer bedömning bedömningen konstaterar noterar ökar minskar ökade minskade ökning
        minskning nya ny nytt stor stora större liten små mindre viktigt viktiga nödvändigt nödvändiga möjligt
        möjlighet möjligheter aktuella aktuell befintliga befintlig kommunala kommunal offentliga särskilt särskilda
        totalt totala löpande årlig årliga tidigare senare fortsatt fortsatta gällande nuvarande kommande tjänsteskrivelse
        beslutsunderlag konsekvenser barnperspektiv jämställdhet underlag synpunkter svar frågan frågor handläggning
        ansvarig ansvariga kronor miljoner procent antal andel nivå nivån jämfört helår halvår inriktning uppdatering
        """);

    private static readonly string[] CompoundHeads = Split("""
        plan planen planer budget rapport rapporten frågor frågan område området verksamhet verksamheten enhet enheten
        ansvar arbete arbetet insatser avtal avtalet system systemet kostnader lokaler nämnd förvaltning policy riktlinjer
        program programmet strategi strategin organisation organisationen utredning utredningen analys uppdrag beslut
        beslutet avgift avgiften taxa taxan stöd stödet boende tjänst tjänsten service gruppen mål målen nivå behov
        resurser kontroll tillsyn projekt projektet ärende ärenden samordnare ledning ledningen översyn förändring
        """);

    private static readonly string[] CompoundPrefixes = Split("""
        skol förskole vård omsorgs bygg miljö trafik park gatu vatten avfalls energi klimat kultur fritids idrotts
        biblioteks personal lokal fastighets budget investerings drifts kvalitets säkerhets trygghets informations
        digitaliserings upphandlings avtals planerings utvecklings samverkans social familje individ ungdoms äldre barn
        elev lärar rektors chefs tillsyns kontroll hälso bostads detalj översikts samhälls närings arbets kompetens styr
        rapport uppföljnings ekonomi löne hyres taxe avgifts region läns kommun nämnd förvaltnings verksamhets kost
        städ transport färdtjänst integrations folkhälso beredskaps krisberedskaps dagvatten natur skogs jordbruks
        """);

    private static readonly string[] PlaceStems = Split("norr söder väst öst ek björk lind al sjö berg ås dal ström hag lunda mo torp hult vik näs gran tall rönn kvarn bro");

    private static readonly string[] PlaceSuffixes = Split("by berg dal torp hult vik holm åsen hagen lund näs sta inge fors mora ryd");

    private static readonly string[] FirstNames = Split("""
        Anna Eva Maria Karin Sara Lena Kerstin Emma Ingrid Malin Johanna Linda Elin Ida Hanna Sofia Lars Anders Johan Erik
        Per Karl Peter Mikael Jan Hans Fredrik Daniel Magnus Mats Stefan Björn Olof Nils Gustav Oskar Axel Elsa Astrid Greta
        """);

    private static readonly string[] LastNames = Split("""
        Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson Pettersson Jonsson Jansson
        Hansson Bengtsson Jönsson Lindberg Jakobsson Magnusson Olofsson Lindström Lindqvist Lindgren Berg Axelsson Bergström
        Lundberg Lind Lundgren Lundqvist Mattsson Berglund Fredriksson Sandberg Henriksson Forsberg Sjöberg Wallin Engström
        """);

    private static readonly string[] Organisations = Split("""
        Skolinspektionen Länsstyrelsen Trafikverket Socialstyrelsen Naturvårdsverket Boverket Kommunstyrelsen
        Kommunfullmäktige Lantmäteriet Polismyndigheten Räddningstjänsten Försäkringskassan Arbetsförmedlingen
        Inspektionen Regionen Revisorerna Miljöförvaltningen Fastighetskontoret Tekniska Kulturrådet
        """);

    private readonly Random _random;
    private readonly string[] _vocabulary;
    private readonly double[] _cumulative;
    private readonly string[] _tail;
    private readonly string[] _places;
    private readonly int _compoundStart;

    public SwedishText(int seed)
    {
        _random = new Random(seed);
        var vocabularyRandom = new Random(4711);
        var compounds = (from prefix in CompoundPrefixes from head in CompoundHeads select prefix + head).Distinct().ToArray();
        vocabularyRandom.Shuffle(compounds);
        var common = CommonWords.Distinct().ToArray();
        vocabularyRandom.Shuffle(common);
        // Ranks: function words, then common words, then 3,000 compounds; the other compounds make the rare tail.
        _vocabulary = [.. FunctionWords, .. common, .. compounds.Take(3_000)];
        _compoundStart = FunctionWords.Length + common.Length;
        _tail = compounds.Skip(3_000).ToArray();
        _places = (from stem in PlaceStems from suffix in PlaceSuffixes select Capitalise(stem + suffix)).ToArray();
        vocabularyRandom.Shuffle(_places);

        _cumulative = new double[_vocabulary.Length];
        var sum = 0.0;
        for (var rank = 0; rank < _vocabulary.Length; rank++)
        {
            sum += 1.0 / Math.Pow(rank + 1, 1.05);
            _cumulative[rank] = sum;
        }

        for (var rank = 0; rank < _cumulative.Length; rank++)
        {
            _cumulative[rank] /= sum;
        }
    }

    /// <summary>Words by rank: 0 is the most frequent.</summary>
    public IReadOnlyList<string> Vocabulary => _vocabulary;

    public static int FunctionWordCount => FunctionWords.Length;

    /// <summary>Compounds that only appear as the rare tail (about 1.5 % of words).</summary>
    public IReadOnlyList<string> Tail => _tail;

    public IReadOnlyList<string> Places => _places;

    public Random Random => _random;

    public string Word()
    {
        var roll = _random.NextDouble();
        if (roll < 0.015)
        {
            return _tail[_random.Next(_tail.Length)];
        }

        if (roll < 0.02)
        {
            return _places[_random.Next(_places.Length)];
        }

        var index = Array.BinarySearch(_cumulative, _random.NextDouble());
        return _vocabulary[index < 0 ? Math.Min(~index, _vocabulary.Length - 1) : index];
    }

    public string Place() => _places[_random.Next(_places.Length)];

    public string PersonName() => $"{FirstNames[_random.Next(FirstNames.Length)]} {LastNames[_random.Next(LastNames.Length)]}";

    public string Counterpart() => _random.Next(3) switch
    {
        0 => PersonName(),
        1 => Organisations[_random.Next(Organisations.Length)],
        _ => $"{Capitalise(_tail[_random.Next(_tail.Length)])} i {Place()} AB",
    };

    /// <summary>A compound of the main vocabulary, more often a frequent one.</summary>
    public string Compound() => _vocabulary[_compoundStart + (int)Math.Min(2_999, Math.Floor(3_000 * Math.Pow(_random.NextDouble(), 2)))];

    /// <summary>The rank where the compounds start (after the function and common words).</summary>
    public int CompoundStart => _compoundStart;

    /// <summary>An ärendemening, as registrators write them.</summary>
    public string Title(int year) => _random.Next(12) switch
    {
        0 => $"{Capitalise(Compound())} för {Place()}",
        1 => $"Yttrande över {Compound()}",
        2 => $"Motion om {Word()} i {Place()}",
        3 => $"Medborgarförslag om {Compound()} i {Place()}",
        4 => $"Ansökan om bygglov för {Compound()}, {Place()} {_random.Next(1, 30)}:{_random.Next(1, 300)}",
        5 => $"Budget {year} för {Compound()}",
        6 => $"Detaljplan för {Place()} {_random.Next(1, 30)}:{_random.Next(1, 300)}",
        7 => $"Uppföljning av {Compound()} {year}",
        8 => $"Redovisning av {Compound()}",
        9 => $"Revisionsrapport: granskning av {Compound()}",
        10 => $"Ny {Compound()} i {Place()}",
        _ => $"{Capitalise(Compound())} och {Compound()}",
    };

    /// <summary>A handling's short description.</summary>
    public string Description() => _random.Next(8) switch
    {
        0 => "Tjänsteskrivelse",
        1 => "Protokollsutdrag",
        2 => $"Yttrande från {Counterpart()}",
        3 => $"Ansökan om {Compound()}",
        4 => $"Skrivelse angående {Compound()}",
        5 => $"Bilaga {_random.Next(1, 9)}: {Compound()}",
        6 => $"Utredning om {Compound()} i {Place()}",
        _ => $"Beslut om {Compound()}",
    };

    /// <summary>Text of about <paramref name="characters"/> characters: sentences of 6–22 words, now and then a number, a date or a name.</summary>
    public void Append(StringBuilder text, int characters)
    {
        var end = text.Length + characters;
        while (text.Length < end)
        {
            var words = _random.Next(6, 23);
            for (var i = 0; i < words; i++)
            {
                var word = _random.Next(40) switch
                {
                    0 => (_random.Next(1, 500) * 1000).ToString("N0", CultureInfo.GetCultureInfo("sv-SE")) + " kronor",
                    1 => $"{_random.Next(2019, 2027)}-{_random.Next(1, 13):00}-{_random.Next(1, 29):00}",
                    2 => PersonName(),
                    _ => Word(),
                };
                text.Append(i == 0 ? Capitalise(word) : word).Append(i == words - 1 ? ". " : " ");
            }

            if (_random.Next(8) == 0)
            {
                text.Append('\n');
            }
        }
    }

    public static string Capitalise(string word) =>
        word.Length == 0 ? word : char.ToUpper(word[0], CultureInfo.GetCultureInfo("sv-SE")) + word[1..];

    private static string[] Split(string words) => words.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
}
