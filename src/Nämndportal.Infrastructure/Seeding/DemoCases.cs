using Nämndportal.Domain.Cases;
using static Nämndportal.Domain.Cases.CaseStatus;
using static Nämndportal.Domain.Cases.DocumentDirection;

namespace Nämndportal.Infrastructure.Seeding;

/// <summary>
/// The demo cases of Exempelby kommun, all fictitious: people, addresses, figures and case numbers are made up. Omsorgsnämnden
/// and Social- och utbildningsnämnden have five or six each, most of them "Klart för beslut" with a written tjänsteskrivelse
/// and one or two PDF handlingar; one handling (in an individual matter) is secret under OSL 26 kap. 1 §. The order is the
/// order of registration, so the diarienummer stay the same from one seeding to the next.
/// </summary>
internal static class DemoCases
{
    public const string Omsorgsforvaltningen = "Omsorgsförvaltningen";
    public const string SocialOchUtbildningsforvaltningen = "Social- och utbildningsförvaltningen";

    public static IReadOnlyList<DemoCase> All { get; } =
    [
        new("OMN", "Verksamhetsplan 2027 för omsorgsnämnden", [UnderBeredning],
            [
                new(Upprattad, 2, "Omsorgsnämnden", "Verksamhetsplan 2027 för hemtjänsten", "verksamhetsplan-2027-hemtjansten.pdf", new(
                    "Verksamhetsplan 2027 för hemtjänsten",
                    ["Omsorgsförvaltningen, Exempelby kommun", "Upprättad av verksamhetschefen för hemtjänsten"],
                    [
                        S("Inledning",
                            "Hemtjänsten i Exempelby kommun ger stöd och omsorg till cirka 640 personer i deras hem. Verksamhetsplanen beskriver hur hemtjänsten ska arbeta under 2027 för att nå omsorgsnämndens mål: trygg omsorg, delaktiga brukare och en hållbar arbetsmiljö.",
                            "Planen bygger på nämndens mål och budget, på brukarundersökningen 2026 och på de synpunkter som pensionärsorganisationerna lämnat under året."),
                        S("Mål och aktiviteter 2027", true,
                            "• Kontinuitet: en brukare ska i genomsnitt möta högst tolv olika medarbetare under fjorton dagar. Hemtjänsten inför fasta team per område.",
                            "• Delaktighet: varje brukare ska ha en aktuell genomförandeplan som har upprättats tillsammans med brukaren och vid behov anhöriga.",
                            "• Mat och måltider: matdistributionen samordnas med kostenheten så att kyld mat levereras två gånger i veckan i hela kommunen.",
                            "• Digital tillsyn: nattlig tillsyn med kamera erbjuds som ett alternativ till besök, efter samtycke och individuell bedömning.",
                            "• Kompetens: alla tillsvidareanställda undersköterskor ska ha skyddad yrkestitel senast vid årets slut.",
                            "Aktiviteterna följs upp varje tertial och redovisas för omsorgsnämnden i samband med delårsrapporten och årsredovisningen."),
                        S("Resurser",
                            "Hemtjänstens budgetram för 2027 är 148,2 miljoner kronor, en ökning med 3,1 procent jämfört med 2026. Ökningen motsvarar löne- och prisuppräkningen. Volymökningen inom hemtjänsten, som beräknas till 4 procent, ska mötas med effektivare planering."),
                        S("Nyckeltal", true,
                            "Nyckeltal\tUtfall 2025\tPrognos 2026\tMål 2027",
                            "Antal brukare\t612\t638\t660",
                            "Beviljade timmar per månad\t21 400\t22 300\t23 000",
                            "Kontinuitet (antal personal)\t15\t14\t12",
                            "Nöjda brukare (procent)\t86\t87\t90",
                            "Sjukfrånvaro (procent)\t9,8\t9,1\t8,0"),
                    ])),
            ],
            new(
                ["anta Verksamhetsplan 2027 för hemtjänsten", "uppdra åt förvaltningen att redovisa uppföljningen av planen i samband med delårsrapporten per augusti 2027"],
                "<p>Förvaltningen har tagit fram en verksamhetsplan för hemtjänsten 2027. Planen har <b>fem mål</b> och följs upp varje tertial.</p>",
                "<p>Omsorgsnämnden fastställer varje år verksamhetsplaner för sina verksamheter. Planen för hemtjänsten bygger på nämndens mål och budget för 2027 och på resultaten av brukarundersökningen 2026.</p><ul><li>Fasta team per område ska öka kontinuiteten.</li><li>Genomförandeplaner ska upprättas tillsammans med brukaren.</li><li>Nattlig tillsyn med kamera erbjuds efter samtycke.</li></ul>",
                [1],
                [("Ekonomi", "<p>Planen ryms inom hemtjänstens budgetram för 2027, 148,2 miljoner kronor.</p>"),
                 ("Jämställdhet", "<p>Nio av tio medarbetare i hemtjänsten är kvinnor. Planens arbetsmiljöinsatser förbättrar villkoren i ett kvinnodominerat yrke.</p>")],
                [Omsorgsforvaltningen, "Akten"])),

        new("OMN", "Yttrande över motion om trygghetsboende i Norrby", [UnderBeredning, KlartForBeslut],
            [
                new(Inkommen, 1, "Kommunfullmäktige", "Motion om trygghetsboende i Norrby, remiss från kommunfullmäktige", "motion-trygghetsboende-norrby.pdf", new(
                    "Motion om trygghetsboende i Norrby",
                    ["Till kommunfullmäktige i Exempelby kommun", "Väckt av Karin Exempelsson (C) och Nils Påhittsson (L)"],
                    [
                        S("Bakgrund",
                            "Allt fler äldre i Norrby bor kvar i villor och lägenheter som inte är anpassade för ett liv med nedsatt rörlighet. Många upplever ensamhet och otrygghet, men har inte behov av ett särskilt boende.",
                            "Ett trygghetsboende är ett mellanting: en vanlig hyreslägenhet med tillgång till en gemensamhetslokal, en bovärd några timmar om dagen och möjlighet att äta tillsammans med andra."),
                        S("Förslag", true,
                            "Vi föreslår kommunfullmäktige besluta",
                            "• att uppdra åt omsorgsnämnden att tillsammans med det kommunala bostadsbolaget utreda förutsättningarna för ett trygghetsboende med 20–30 lägenheter i Norrby,",
                            "• att utredningen ska redovisas för kommunfullmäktige senast i december 2027.",
                            "Exempelby den 2 oktober 2026",
                            "Karin Exempelsson (C)                Nils Påhittsson (L)"),
                    ])),
                new(Inkommen, 3, "Kommunala pensionärsrådet", "Yttrande från Kommunala pensionärsrådet över motionen", "yttrande-kpr-trygghetsboende.pdf", new(
                    "Yttrande från Kommunala pensionärsrådet",
                    ["Ärende: Motion om trygghetsboende i Norrby", "Kommunala pensionärsrådet, sammanträde i november 2026"],
                    [
                        S("Rådets synpunkter",
                            "Kommunala pensionärsrådet välkomnar motionen. Rådet har under flera år påtalat att det saknas boendeformer mellan det ordinära boendet och det särskilda boendet i kommunens norra del.",
                            "Rådet vill särskilt framhålla att en bovärd med fasta tider är avgörande för att boendet ska upplevas som tryggt, och att hyresnivån måste vara rimlig för en person med garantipension.",
                            "Rådet föreslår att pensionärsorganisationerna får delta i utredningen som referensgrupp."),
                        S("Underlag från rådets enkät", true,
                            "Rådet frågade sina medlemsföreningar hösten 2026 om intresset för ett trygghetsboende.",
                            "Svar\tAntal\tProcent",
                            "Mycket intresserad\t48\t31",
                            "Ganska intresserad\t57\t37",
                            "Inte intresserad\t39\t25",
                            "Vet inte\t11\t7",
                            "Enkäten besvarades av 155 av 240 tillfrågade medlemmar."),
                    ])),
            ],
            new(
                ["föreslå kommunfullmäktige att bifalla motionen", "anse att förvaltningens yttrande utgör nämndens svar på remissen"],
                "<p>Motionen föreslår en utredning om ett trygghetsboende i Norrby. Förvaltningen delar motionärernas bedömning att behovet finns och föreslår att motionen bifalls.</p>",
                "<p>Kommunfullmäktige har remitterat motionen till omsorgsnämnden för yttrande. Kommunala pensionärsrådet har yttrat sig och stöder motionen.</p><p>Förvaltningens bedömning är att en utredning tillsammans med det kommunala bostadsbolaget kan genomföras inom befintliga ramar under 2027.</p>",
                [1, 2],
                [("Ekonomi", "<p>Utredningen genomförs inom befintlig budget. Kostnader för ett eventuellt boende redovisas i utredningen.</p>"),
                 ("Jämställdhet", "<p>Två av tre ensamboende över 80 år i kommunen är kvinnor.</p>")],
                ["Kommunfullmäktige", "Kommunala pensionärsrådet", "Akten"])),

        new("OMN", "Revisionsrapport: granskning av hemtjänstens bemanning", [UnderBeredning, KlartForBeslut],
            [
                new(Inkommen, 2, "Kommunens revisorer", "Revisionsrapport om hemtjänstens bemanning", "revisionsrapport-hemtjanstens-bemanning.pdf", new(
                    "Granskning av hemtjänstens bemanning",
                    ["Revisionsrapport till omsorgsnämnden", "De förtroendevalda revisorerna i Exempelby kommun"],
                    [
                        S("Sammanfattning",
                            "Revisorerna har granskat om omsorgsnämnden säkerställer en ändamålsenlig bemanning inom hemtjänsten. Den sammantagna bedömningen är att nämnden delvis säkerställer detta.",
                            "Granskningen visar att andelen timanställda är hög och att planeringen i schemaläggningssystemet inte används fullt ut. Kostnaden för övertid har ökat med 22 procent på två år."),
                        S("Rekommendationer", true,
                            "Revisorerna rekommenderar omsorgsnämnden att",
                            "• ta fram en kompetensförsörjningsplan för hemtjänsten,",
                            "• följa upp andelen timanställda och övertiden varje månad,",
                            "• säkerställa att planeringsverktyget används i alla hemtjänstgrupper,",
                            "• redovisa vidtagna åtgärder för revisorerna senast den 30 april 2027."),
                        S("Iakttagelser per område",
                            "Område\tTimanställda (procent)\tÖvertid (timmar per månad)",
                            "Norrby\t31\t410",
                            "Västby\t24\t290",
                            "Centrum\t19\t220",
                            "Söderby\t27\t350"),
                    ])),
            ],
            new(
                ["anta förvaltningens svar som sitt eget och överlämna det till revisorerna"],
                "<p>Revisorerna bedömer att nämnden delvis säkerställer en ändamålsenlig bemanning i hemtjänsten. Förvaltningen redovisar i svaret de åtgärder som planeras med anledning av rekommendationerna.</p>",
                "<p>Förvaltningen instämmer i revisorernas iakttagelser. En kompetensförsörjningsplan tas fram under våren 2027 och andelen timanställda följs upp månadsvis i nämndens ekonomirapport.</p>",
                [1],
                [("Ekonomi", "<p>Minskad övertid beräknas ge en besparing på omkring 1,5 miljoner kronor per år.</p>")],
                ["Kommunens revisorer", Omsorgsforvaltningen, "Akten"])),

        new("SUN", "Riktlinjer för skolskjuts", [UnderBeredning, KlartForBeslut],
            [
                new(Upprattad, 2, "Social- och utbildningsnämnden", "Förslag till riktlinjer för skolskjuts", "riktlinjer-skolskjuts-forslag.pdf", new(
                    "Riktlinjer för skolskjuts i Exempelby kommun",
                    ["Förslag från Social- och utbildningsförvaltningen", "Gäller från och med läsåret 2027/2028"],
                    [
                        S("Syfte",
                            "Riktlinjerna beskriver när en elev har rätt till kostnadsfri skolskjuts enligt skollagen och hur kommunen prövar en ansökan. De ersätter riktlinjerna från 2019."),
                        S("Rätt till skolskjuts", true,
                            "Skolskjuts beviljas när avståndet mellan hemmet och skolan är minst",
                            "Årskurs\tAvstånd (kilometer)",
                            "Förskoleklass–årskurs 3\t2",
                            "Årskurs 4–6\t3",
                            "Årskurs 7–9\t4",
                            "Skolskjuts kan också beviljas med hänsyn till trafikförhållanden, funktionsnedsättning eller någon annan särskild omständighet. Vid vinterväglag kan en hållplats flyttas tillfälligt.",
                            "En elev i växelvis boende kan få skolskjuts från båda vårdnadshavarnas adresser om båda ligger i kommunen."),
                        S("Ansökan och beslut",
                            "Ansökan görs i kommunens e-tjänst. Beslut fattas av skolskjutssamordnaren på delegation och kan överklagas till förvaltningsrätten."),
                    ])),
            ],
            new(
                ["anta Riktlinjer för skolskjuts i Exempelby kommun att gälla från och med läsåret 2027/2028", "upphäva riktlinjerna för skolskjuts från 2019"],
                "<p>Förvaltningen föreslår nya riktlinjer för skolskjuts. Avståndsgränserna är oförändrade; nytt är bland annat regler för elever i växelvis boende.</p>",
                "<p>Riktlinjerna har setts över efter en dom i förvaltningsrätten och efter synpunkter från föräldrar. Förslaget förtydligar när trafikförhållandena ger rätt till skolskjuts.</p>",
                [1],
                [("Ekonomi", "<p>Förändringen beräknas öka kostnaden för skolskjuts med 0,4 miljoner kronor per år.</p>"),
                 ("Barnperspektiv", "<p>Barnets rätt till en trygg skolväg har varit utgångspunkten. Eleverna i två klassråd har lämnat synpunkter.</p>")],
                ["Skolskjutssamordnaren", "Akten"])),

        new("SUN", "Ny förskola i Norrby", [UnderBeredning],
            [
                new(Upprattad, 4, "Social- och utbildningsnämnden", "Förstudie om ny förskola i Norrby", "forstudie-forskola-norrby.pdf", new(
                    "Förstudie: ny förskola i Norrby",
                    ["Social- och utbildningsförvaltningen tillsammans med samhällsbyggnadsförvaltningen", "Utkast för dialog"],
                    [
                        S("Behov",
                            "Antalet barn i åldern ett till fem år i Norrby väntas öka från 310 till 380 fram till 2031. De två befintliga förskolorna är fullbelagda och den ena har tillfälliga paviljonger sedan 2022."),
                        S("Alternativ", true,
                            "• Alternativ A: en ny förskola med sex avdelningar på tomten vid Björkvägen. Tomten behöver en utredning om dagvattnet.",
                            "• Alternativ B: en tillbyggnad med tre avdelningar av förskolan Lönnen.",
                            "• Alternativ C: förhyrning av lokaler i det nya bostadsområdet vid Åsen.",
                            "Förvaltningen rekommenderar att alternativ A utreds vidare."),
                        S("Översiktlig kalkyl",
                            "Alternativ\tInvestering (mnkr)\tPlatser",
                            "A. Ny förskola\t68\t108",
                            "B. Tillbyggnad\t29\t54",
                            "C. Förhyrning\t4\t72"),
                    ])),
            ],
            new(
                ["uppdra åt förvaltningen att gå vidare med alternativ A, en ny förskola med sex avdelningar vid Björkvägen", "överlämna förstudien till kommunstyrelsen för beslut om investering"],
                "<p>Barnantalet i Norrby ökar och förskolorna är fullbelagda. Förstudien jämför tre alternativ.</p>",
                "<p>Förvaltningen har tillsammans med samhällsbyggnadsförvaltningen tagit fram en förstudie. Arbetet pågår och ärendet väntas vara klart för beslut i början av 2027.</p>",
                [1],
                [("Barnperspektiv", "<p>En ny förskola nära hemmet ger kortare resor för barnen och mindre barngrupper.</p>")],
                ["Kommunstyrelsen", "Akten"])),

        new("KS", "Budget 2027 och ekonomisk plan 2028–2029", [UnderBeredning], []),

        new("OMN", "Yttrande till förvaltningsrätten i mål om särskilt boende", [UnderBeredning, KlartForBeslut],
            [
                new(Inkommen, 1, "Förvaltningsrätten i Falun", "Föreläggande att yttra sig i mål nr 4711-26", "forelaggande-forvaltningsratten.pdf", new(
                    "Föreläggande",
                    ["Förvaltningsrätten i Falun, avdelning 2", "Mål nr 4711-26, Enskild part ./. Omsorgsnämnden i Exempelby kommun"],
                    [
                        S("Föreläggande",
                            "Förvaltningsrätten förelägger omsorgsnämnden att inom tre veckor från delgivningen yttra sig över överklagandet i målet. Ett delgivningskvitto bifogas och ska återsändas.",
                            "Om nämnden inte yttrar sig kan målet komma att avgöras ändå."),
                        S("Upplysningar", true,
                            "Yttrandet ska ges in i två exemplar eller via förvaltningsrättens e-tjänst. Ange målnumret. Nämnden ska också ge in de handlingar som låg till grund för det överklagade beslutet.",
                            "Handläggare vid förvaltningsrätten: domstolshandläggare Eva Rättsson."),
                    ]))
                {
                    HideDescriptionPublicly = true,
                },
                new(Inkommen, 1, "Enskild person", "Överklagande av beslut om bistånd i form av särskilt boende", "overklagande-sarskilt-boende.pdf", new(
                    "Överklagande",
                    ["Till förvaltningsrätten i Falun, via omsorgsnämnden i Exempelby kommun", "Överklagat beslut: avslag på ansökan om särskilt boende"],
                    [
                        S("Jag överklagar beslutet",
                            "Jag överklagar omsorgsnämndens beslut att avslå min ansökan om plats i särskilt boende. Jag vill att förvaltningsrätten ändrar beslutet så att jag beviljas en plats.",
                            "Jag klarar inte längre att bo kvar i min lägenhet. Jag har fallit tre gånger sedan i somras och kan inte ta mig ut med rollatorn eftersom huset saknar hiss."),
                        S("Skäl", true,
                            "Hemtjänsten kommer sex gånger per dygn, men jag är otrygg på nätterna och ringer ofta på larmet. Min läkare har skrivit ett intyg som jag bifogar.",
                            "Jag anser att mina behov inte kan tillgodoses i hemmet och att jag därför har rätt till en plats."),
                    ]))
                {
                    HideCounterpartPublicly = true,
                    HideDescriptionPublicly = true,
                    SecrecyProvision = "OSL 26 kap. 1 §",
                },
            ],
            new(
                ["avge yttrande till förvaltningsrätten i enlighet med förvaltningens förslag", "vidhålla det överklagade beslutet"],
                "<p>En enskild person har överklagat nämndens beslut om avslag på ansökan om särskilt boende. Förvaltningsrätten har förelagt nämnden att yttra sig.</p>",
                "<p>Förvaltningen bedömer att den enskildes behov kan tillgodoses i hemmet med utökade insatser och att beslutet därför ska stå fast. Uppgifter om den enskildes hälsa och personliga förhållanden finns i de sekretessmarkerade handlingarna och redovisas inte här.</p>",
                [1, 2],
                [],
                ["Förvaltningsrätten i Falun", "Akten"])),

        new("OMN", "Taxor och avgifter inom äldreomsorgen 2027", [UnderBeredning, KlartForBeslut],
            [
                new(Upprattad, 2, "Omsorgsnämnden", "Förslag till avgiftstaxa 2027 för äldreomsorgen", "avgiftstaxa-aldreomsorgen-2027.pdf", new(
                    "Förslag till avgiftstaxa 2027 för äldreomsorgen",
                    ["Omsorgsförvaltningen, Exempelby kommun", "Gäller från den 1 februari 2027"],
                    [
                        S("Utgångspunkter",
                            "Avgifterna följer socialtjänstlagens bestämmelser om högkostnadsskydd. Varje brukare ska ha kvar ett förbehållsbelopp för sina levnadskostnader innan avgift tas ut.",
                            "Maxtaxan räknas fram av prisbasbeloppet för 2027 och ändras därför varje år."),
                        S("Avgifter", true,
                            "Insats\tAvgift 2026 (kr)\tAvgift 2027 (kr)",
                            "Hemtjänst, per timme\t420\t435",
                            "Trygghetslarm, per månad\t320\t330",
                            "Matlåda, per portion\t68\t72",
                            "Korttidsvistelse, kost per dygn\t145\t150",
                            "Högkostnadsskydd, per månad\t2 575\t2 651"),
                        S("Förändringar",
                            "Avgiften för trygghetslarm höjs med tio kronor per månad. Avgiften för matlåda höjs med fyra kronor per portion, motsvarande kostenhetens kostnadsökning."),
                    ])),
            ],
            new(
                ["fastställa avgiftstaxa 2027 för äldreomsorgen enligt förvaltningens förslag att gälla från den 1 februari 2027"],
                "<p>Avgifterna inom äldreomsorgen räknas om varje år. Förslaget innebär att avgifterna höjs med i genomsnitt 3,4 procent.</p>",
                "<p>Taxan följer socialtjänstlagens regler om högkostnadsskydd och förbehållsbelopp. Höjningen motsvarar kostnadsutvecklingen och prisbasbeloppets förändring.</p>",
                [1],
                [("Ekonomi", "<p>Förslaget beräknas öka nämndens intäkter med 0,9 miljoner kronor 2027.</p>"),
                 ("Jämställdhet", "<p>Kvinnor har i genomsnitt lägre pension än män och berörs oftare av högkostnadsskyddet.</p>")],
                ["Kommunfullmäktige för kännedom", Omsorgsforvaltningen, "Akten"])),

        new("OMN", "Uppföljning av internkontrollplan 2026", [UnderBeredning, KlartForBeslut],
            [
                new(Upprattad, 3, "Omsorgsnämnden", "Uppföljning av internkontrollplan 2026", "uppfoljning-internkontroll-2026.pdf", new(
                    "Uppföljning av internkontrollplan 2026",
                    ["Omsorgsförvaltningen, Exempelby kommun", "Rapport till omsorgsnämnden"],
                    [
                        S("Sammanfattning",
                            "Omsorgsnämnden beslutade i december 2025 om en plan för intern kontroll 2026 med sex kontrollmoment. Fem av dem är genomförda. Två avvikelser har hittats och åtgärdats."),
                        S("Kontrollmoment", true,
                            "Kontrollmoment\tGenomfört\tAvvikelse",
                            "Attestordningen följs\tJa\tNej",
                            "Läkemedelshantering\tJa\tJa",
                            "Dokumentation av genomförandeplaner\tJa\tJa",
                            "Inköp mot avtal\tJa\tNej",
                            "Behörigheter i verksamhetssystemet\tJa\tNej",
                            "Brandskyddsronder\tNej\t–"),
                        S("Åtgärder",
                            "Avvikelsen i läkemedelshanteringen gällde signeringslistor på ett av de särskilda boendena; rutinen har setts över. Brandskyddsronderna genomförs i januari 2027."),
                    ])),
            ],
            new(
                ["godkänna uppföljningen av internkontrollplan 2026", "överlämna uppföljningen till kommunstyrelsen"],
                "<p>Fem av sex kontrollmoment i internkontrollplanen 2026 är genomförda. Två avvikelser har åtgärdats.</p>",
                "<p>Nämnden ska enligt kommunallagen se till att den interna kontrollen är tillräcklig. Uppföljningen redovisar resultatet av årets kontroller.</p>",
                [1],
                [("Ekonomi", "<p>Uppföljningen har ingen direkt ekonomisk påverkan.</p>")],
                ["Kommunstyrelsen", "Akten"])),

        new("SUN", "Läsårstider 2027/2028", [UnderBeredning, KlartForBeslut],
            [
                new(Upprattad, 2, "Social- och utbildningsnämnden", "Förslag till läsårstider 2027/2028", "lasarstider-2027-2028.pdf", new(
                    "Förslag till läsårstider 2027/2028",
                    ["Social- och utbildningsförvaltningen", "För förskoleklass, grundskola, anpassad grundskola och gymnasieskola"],
                    [
                        S("Läsårets terminer",
                            "Läsåret omfattar 178 skoldagar och fem studiedagar för lärarna. Förslaget har samråtts med de fackliga organisationerna och med grannkommunerna, så att skolskjutsar och gymnasieelevernas resor kan samordnas."),
                        S("Datum", true,
                            "Period\tFrån\tTill",
                            "Hösttermin\t2027-08-19\t2027-12-21",
                            "Höstlovet\t2027-11-01\t2027-11-05",
                            "Jullov\t2027-12-22\t2028-01-09",
                            "Vårtermin\t2028-01-10\t2028-06-13",
                            "Sportlov\t2028-02-21\t2028-02-25",
                            "Påsklov\t2028-04-10\t2028-04-14"),
                    ])),
            ],
            new(
                ["fastställa läsårstider för läsåret 2027/2028 enligt förvaltningens förslag"],
                "<p>Förslaget ger 178 skoldagar och samordnade lov med grannkommunerna.</p>",
                "<p>Huvudmannen beslutar om läsårets början och slut samt om lov. Förslaget har samråtts med de fackliga organisationerna.</p>",
                [1],
                [("Barnperspektiv", "<p>Samordnade lov gör det lättare för familjer med barn i olika skolor.</p>")],
                ["Rektorerna", "Akten"])),

        new("SUN", "Kvalitetsrapport för grundskolan 2026", [UnderBeredning, KlartForBeslut],
            [
                new(Upprattad, 3, "Social- och utbildningsnämnden", "Kvalitetsrapport för grundskolan läsåret 2025/2026", "kvalitetsrapport-grundskolan-2026.pdf", new(
                    "Kvalitetsrapport för grundskolan läsåret 2025/2026",
                    ["Social- och utbildningsförvaltningen", "Det systematiska kvalitetsarbetet på huvudmannanivå"],
                    [
                        S("Resultat",
                            "Andelen elever i årskurs 9 med godkända betyg i alla ämnen var 76 procent, en ökning med tre procentenheter. Det genomsnittliga meritvärdet var 224, att jämföra med 221 året innan.",
                            "Flickor har fortfarande högre resultat än pojkar, men skillnaden har minskat."),
                        S("Resultat per skola", true,
                            "Skola\tBehöriga till gymnasiet (procent)\tMeritvärde",
                            "Norrbyskolan\t84\t219",
                            "Västbyskolan\t91\t236",
                            "Centrumskolan\t88\t228",
                            "Kommunen totalt\t87\t224"),
                        S("Utvecklingsområden",
                            "• Läsförståelse i årskurs 4–6.",
                            "• Närvaro: andelen elever med hög frånvaro ska minska.",
                            "• Studiero i klassrummen."),
                    ])),
            ],
            new(
                ["godkänna kvalitetsrapporten för grundskolan läsåret 2025/2026", "fastställa utvecklingsområdena läsförståelse, närvaro och studiero för läsåret 2026/2027"],
                "<p>Resultaten i grundskolan har förbättrats. Andelen elever med godkända betyg i alla ämnen ökade till 76 procent.</p>",
                "<p>Huvudmannen ska enligt skollagen systematiskt följa upp och utveckla utbildningen. Kvalitetsrapporten sammanfattar läsåret 2025/2026.</p>",
                [1],
                [("Barnperspektiv", "<p>Eleverna har fått lämna synpunkter på studieron genom elevenkäten.</p>"),
                 ("Jämställdhet", "<p>Skillnaden i resultat mellan flickor och pojkar har minskat men finns kvar.</p>")],
                ["Rektorerna", "Akten"])),

        new("SUN", "Internbudget 2027 för social- och utbildningsnämnden", [UnderBeredning, KlartForBeslut],
            [
                new(Upprattad, 2, "Social- och utbildningsnämnden", "Förvaltningens förslag till internbudget 2027", "internbudget-2027-sun.pdf", new(
                    "Internbudget 2027 – förvaltningens förslag",
                    ["Social- och utbildningsförvaltningen", "Fördelning av nämndens ram från kommunfullmäktige"],
                    [
                        S("Ramen",
                            "Kommunfullmäktige har gett social- och utbildningsnämnden en ram på 612,4 miljoner kronor för 2027. Förslaget fördelar ramen på verksamheterna och innehåller en strukturersättning till skolor med större behov."),
                        S("Fördelning", true,
                            "Verksamhet\tBudget 2026 (mnkr)\tBudget 2027 (mnkr)",
                            "Förskola\t118,5\t121,0",
                            "Grundskola och förskoleklass\t246,3\t253,8",
                            "Gymnasieskola\t104,2\t107,1",
                            "Individ- och familjeomsorg\t92,7\t96,4",
                            "Gemensamt och nämnd\t33,9\t34,1",
                            "Summa\t595,6\t612,4"),
                    ])),
            ],
            new(
                ["fastställa internbudget 2027 enligt förvaltningens förslag"],
                "<p>Förslaget fördelar nämndens ram om 612,4 miljoner kronor på verksamheterna.</p>",
                "<p>Ramen har ökat med 2,8 procent. Förvaltningen föreslår att en del av ökningen går till skolor med större behov.</p>",
                [1],
                [("Ekonomi", "<p>Budgeten är i balans.</p>"),
                 ("Barnperspektiv", "<p>Tillskottet riktas till skolor där eleverna har störst behov av stöd.</p>")],
                ["Kommunstyrelsen", "Akten"])),
    ];

    private static DemoPdfSection S(string heading, params string[] paragraphs) => new(heading, paragraphs);

    private static DemoPdfSection S(string heading, bool newPage, params string[] paragraphs) => new(heading, paragraphs, newPage);
}
