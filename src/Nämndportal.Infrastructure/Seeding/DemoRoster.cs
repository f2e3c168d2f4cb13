using Nämndportal.Domain.Organisation;

namespace Nämndportal.Infrastructure.Seeding;

/// <summary>
/// The elected people of the fictitious Exempelby kommun for the demo seeder: who sits for which party in which
/// organ during the term. Names are invented combinations from the lists below, never real politicians. Every
/// membership is checked with <see cref="MembershipRules"/> as it is added, so the demo can never hold a roster
/// the portal itself would refuse.
/// </summary>
internal sealed class DemoRoster(Term term, IReadOnlyDictionary<string, Party> parties)
{
    // Exempelby is governed by S, C and V with MP's support; M leads the opposition with KD and SD. The chair of
    // every organ is the majority's, the 2:e vice ordförande the opposition's.
    private const string ChairParty = "S";
    private const string FirstViceChairParty = "C";
    private const string SecondViceChairParty = "M";

    public static IReadOnlyList<PartySeats> Kommunstyrelsen { get; } =
        [new("S", 4, 4), new("M", 3, 3), new("SD", 2, 2), new("C", 1, 1), new("V", 1, 1), new("KD", 1, 1), new("EBP", 1, 1)];

    /// <summary>The chair and the 2:e vice ordförande have personal ersättare; MP has an ersättare but no seat.</summary>
    public static IReadOnlyList<PartySeats> Omsorgsnamnden { get; } =
        [new("S", 4, 3, PersonalErsattare: 1), new("M", 2, 2, PersonalErsattare: 1), new("SD", 2, 2), new("C", 1, 1), new("V", 1, 1), new("KD", 1, 1), new("MP", 0, 1)];

    public static IReadOnlyList<PartySeats> SocialOchUtbildningsnamnden { get; } =
        [new("S", 4, 4), new("M", 3, 3), new("SD", 2, 2), new("C", 1, 1), new("V", 1, 1), new("KD", 1, 1), new("L", 1, 1)];

    public static IReadOnlyList<PartySeats> Arbetsutskottet { get; } =
        [new("S", 2, 2), new("M", 1, 1), new("SD", 1, 1), new("C", 1, 1)];

    public static IReadOnlyList<PartySeats> Individutskottet { get; } =
        [new("S", 1, 1), new("M", 1, 1), new("C", 1, 1)];

    /// <summary>Omsorgsnämnden's table (rule 5): whose ersättare are called, in order, once a party's own are used up.</summary>
    public static IReadOnlyList<(string AbsentParty, string[] Then)> OmsorgsnamndenSubstitutionTable { get; } =
    [
        ("S", ["V", "C", "MP"]),
        ("C", ["S", "V", "MP"]),
        ("V", ["S", "MP", "C"]),
        ("M", ["KD", "SD"]),
        ("SD", ["M", "KD"]),
        ("KD", ["M", "SD"]),
    ];

    // Women and men alternate. The lists' lengths (40 and 41) have no common factor, so person number i in the
    // roster, FirstNames[i % 40] LastNames[i % 41], has a name of their own for the first 1 640.
    private static readonly string[] FirstNames =
    [
        "Karin", "Per", "Maria", "Johan", "Eva", "Mikael", "Kerstin", "Anders", "Ingrid", "Erik",
        "Margareta", "Nils", "Elisabeth", "Olof", "Birgitta", "Magnus", "Marie", "Stefan", "Lena", "Fredrik",
        "Helena", "Henrik", "Johanna", "Daniel", "Sofia", "Mattias", "Emma", "Jonas", "Sara", "Andreas",
        "Linnea", "Björn", "Maja", "Gustav", "Ida", "Oskar", "Camilla", "Tomas", "Annika", "Håkan",
    ];

    private static readonly string[] LastNames =
    [
        "Lindqvist", "Bergström", "Holmberg", "Sandberg", "Engström", "Lundgren", "Nyström", "Forsberg", "Hedlund", "Sjöberg",
        "Wikström", "Eklund", "Åberg", "Ekström", "Dahlberg", "Falk", "Strand", "Lindholm", "Blom", "Norberg",
        "Sundberg", "Ekholm", "Berglund", "Nordin", "Öberg", "Sundqvist", "Malmberg", "Boström", "Westerlund", "Bergkvist",
        "Hellström", "Nordqvist", "Östlund", "Ahlberg", "Granlund", "Söderberg", "Wallin", "Lundin", "Lindström", "Viklund",
        "Hammarlund",
    ];

    private readonly List<Person> _persons = [];
    private readonly List<Membership> _memberships = [];

    public IReadOnlyList<Person> Persons => _persons;

    public IReadOnlyList<Membership> Memberships => _memberships;

    public Person AddPerson(string firstName, string lastName, string email, string party)
    {
        var person = new Person(firstName, lastName, email, parties[party].Id);
        _persons.Add(person);
        return person;
    }

    /// <summary>The next invented person, with an e-mail address at the municipality.</summary>
    public Person NewPerson(string party)
    {
        var first = FirstNames[_persons.Count % FirstNames.Length];
        var last = LastNames[_persons.Count % LastNames.Length];
        return AddPerson(first, last, $"{Ascii(first)}.{Ascii(last)}@exempelby.se", party);
    }

    /// <summary>
    /// Seats the organ for the whole term, party by party: its ledamöter (the first of the chair's party as
    /// ordförande, and so on), then its ersättare in call-in order 1, 2, … An ersättare numbered within the
    /// party's <see cref="PartySeats.PersonalErsattare"/> is the personal ersättare of the ledamot with the same number.
    /// </summary>
    /// <param name="choose">Who takes a seat; a new person when it answers null or is not given.</param>
    public IReadOnlyDictionary<Seat, Membership> Fill(Organ organ, IReadOnlyList<PartySeats> seats, Func<Seat, Person?>? choose = null)
    {
        var filled = new Dictionary<Seat, Membership>();
        foreach (var line in seats)
        {
            var partyId = parties[line.Party].Id;
            for (var number = 1; number <= line.Ledamoter; number++)
            {
                var seat = Seat.Ledamot(line.Party, number);
                var person = choose?.Invoke(seat) ?? NewPerson(line.Party);
                filled[seat] = Add(organ, person, RoleOf(line.Party, number), partyId);
            }

            for (var number = 1; number <= line.Ersattare; number++)
            {
                var seat = Seat.Ersattare(line.Party, number);
                var person = choose?.Invoke(seat) ?? NewPerson(line.Party);
                var personalFor = number <= line.PersonalErsattare ? filled[Seat.Ledamot(line.Party, number)] : null;
                filled[seat] = Add(organ, person, MembershipRole.Ersattare, partyId, callInOrder: number, personalSubstituteFor: personalFor?.Id);
            }
        }

        foreach (var role in new[] { MembershipRole.Ordforande, MembershipRole.ForsteViceOrdforande, MembershipRole.AndreViceOrdforande })
        {
            if (filled.Values.Count(m => m.Role == role) != 1)
            {
                throw new InvalidOperationException($"The demo roster of {organ.ShortName} needs exactly one {role.SwedishName()}.");
            }
        }

        return filled;
    }

    /// <summary>
    /// Chooses an utskott's members among the nämnd's ledamöter and ersättare (KL 6:20): for each party, its
    /// ledamöter in the nämnd first, then its ersättare in call-in order. Only those who sit in the nämnd for the
    /// whole term are chosen, so no utskott seat outlasts its holder's seat in the nämnd.
    /// </summary>
    public Func<Seat, Person?> MembersOf(IReadOnlyDictionary<Seat, Membership> namnd)
    {
        var queues = namnd
            .Where(s => s.Value.ValidFrom == term.StartsOn && s.Value.ValidTo == term.EndsOn)
            .OrderBy(s => s.Key.IsErsattare).ThenBy(s => s.Key.Number)
            .GroupBy(s => s.Key.Party)
            .ToDictionary(g => g.Key, g => new Queue<Person>(g.Select(s => _persons.Single(p => p.Id == s.Value.PersonId))));
        return seat => queues.TryGetValue(seat.Party, out var queue) && queue.TryDequeue(out var person)
            ? person
            : throw new InvalidOperationException($"The nämnd has too few members of {seat.Party} for the utskott.");
    }

    /// <summary>A replacement elected mid-term ("efter X, till och med …"): the seat passes on the day after <paramref name="lastDay"/>.</summary>
    public Membership Replace(Organ organ, Membership leaving, DateOnly lastDay, Person successor)
    {
        // Ending only shortens a membership already checked, so it cannot break a rule.
        leaving.End(lastDay);
        return Add(organ, successor, leaving.Role, leaving.PartyId ?? throw new InvalidOperationException("Demo seats belong to a party."),
            from: lastDay.AddDays(1), leaving.CallInOrder, leaving.PersonalSubstituteFor, replaces: leaving);
    }

    /// <summary>
    /// The members elected again for <paramref name="next"/> (the election has been held when the demo meetings reach
    /// the next term): every seat held on this term's last day, in the same organ, role, party and call-in order. A
    /// personal ersättare follows the seat of the ledamot, also when that ledamot was replaced during the term.
    /// </summary>
    public IReadOnlyList<Membership> ReElect(Term next)
    {
        var renewed = new Dictionary<Guid, Membership>();
        var elected = new List<Membership>();
        // In the order they were added: a nämnd before its utskott, a party's ledamöter before its ersättare.
        foreach (var old in _memberships.Where(m => m.IsValidOn(term.EndsOn)).ToList())
        {
            Guid? personalFor = null;
            if (old.PersonalSubstituteFor is { } seat)
            {
                // The ledamot sitting on the last day: the one named, or whoever replaced them.
                var holder = _memberships.Single(m => m.Id == seat);
                while (!holder.IsValidOn(term.EndsOn))
                {
                    holder = _memberships.Single(m => m.Replaces == holder.Id);
                }

                personalFor = renewed[holder.Id].Id;
            }

            var membership = new Membership(
                old.PersonId, old.OrganId, old.Role, next.StartsOn, next.EndsOn, next.Id, old.PartyId, old.CallInOrder, personalFor);
            var problems = MembershipRules.Check(membership, elected, next);
            if (problems.Count > 0)
            {
                throw new InvalidOperationException($"The demo roster of the term {next.Name} breaks the membership rules: {string.Join(" ", problems)}");
            }

            renewed[old.Id] = membership;
            elected.Add(membership);
        }

        _memberships.AddRange(elected);
        return elected;
    }

    private Membership Add(
        Organ organ, Person person, MembershipRole role, Guid partyId, DateOnly? from = null, int? callInOrder = null,
        Guid? personalSubstituteFor = null, Membership? replaces = null)
    {
        var membership = new Membership(
            person.Id, organ.Id, role, from ?? term.StartsOn, term.EndsOn, term.Id, partyId, callInOrder, personalSubstituteFor, replaces?.Id);
        var problems = MembershipRules.Check(membership, _memberships, term);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"The demo roster of {organ.ShortName} breaks the membership rules: {string.Join(" ", problems)}");
        }

        _memberships.Add(membership);
        return membership;
    }

    private static MembershipRole RoleOf(string party, int number) => (party, number) switch
    {
        (ChairParty, 1) => MembershipRole.Ordforande,
        (FirstViceChairParty, 1) => MembershipRole.ForsteViceOrdforande,
        (SecondViceChairParty, 1) => MembershipRole.AndreViceOrdforande,
        _ => MembershipRole.Ledamot,
    };

    private static string Ascii(string name) =>
        name.ToLowerInvariant().Replace('å', 'a').Replace('ä', 'a').Replace('ö', 'o');
}

/// <summary>A party's seats in an organ: ledamöter, ersättare, and how many of the ersättare are personal ones.</summary>
internal sealed record PartySeats(string Party, int Ledamoter, int Ersattare, int PersonalErsattare = 0);

/// <summary>One seat of a party's group in an organ: ledamot number n, or the ersättare with call-in order n.</summary>
internal readonly record struct Seat(string Party, bool IsErsattare, int Number)
{
    public static Seat Ledamot(string party, int number) => new(party, false, number);

    public static Seat Ersattare(string party, int number) => new(party, true, number);
}
