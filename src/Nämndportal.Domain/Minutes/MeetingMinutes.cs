using Nämndportal.Domain.Common;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Domain.Minutes;

/// <summary>
/// The protokoll of one meeting (domain.md §4, rules 4–14 and 27). It owns the roll call, the changes of who serves,
/// the adjournments, the §§ and the signatures, and guards them: who serves in a § is worked out here
/// (<see cref="ServingIn"/>), and only they propose, vote and reserve themselves. Every change raises
/// <see cref="Revision"/>, so the row changes and its xmin refuses a stale save. A protokoll out for justering is frozen;
/// a justerat one never changes again (a correction is its own act, <see cref="Correct"/>).
/// </summary>
public sealed class MeetingMinutes : Entity, IConcurrencyVersioned
{
    private readonly List<MinutesSection> _sections = [];

    private MeetingMinutes()
    {
        OrganName = string.Empty;
        Place = string.Empty;
    }

    public Guid MeetingId { get; private set; }

    public Guid OrganId { get; private set; }

    /// <summary>The organ's name when the protokoll was drafted ("Omsorgsnämnden").</summary>
    public string OrganName { get; private set; }

    /// <summary>Sammanträdesdatum, Stockholm.</summary>
    public DateOnly MeetingDate { get; private set; }

    public string Place { get; private set; }

    /// <summary>When the chair opened the meeting (Stockholm wall-clock, "klockan 12.55").</summary>
    public TimeOnly? OpenedAt { get; private set; }

    /// <summary>When the chair closed the meeting (Stockholm wall-clock).</summary>
    public TimeOnly? ClosedAt { get; private set; }

    /// <summary>The instant the meeting closed: reservations are announced before it (rule 10).</summary>
    public DateTimeOffset? MeetingClosedAt { get; private set; }

    /// <summary>The seats quorum is counted on (rule 4), fixed when drafted.</summary>
    public int Seats { get; private set; }

    /// <summary>The organ's days to justera (rule 12), fixed when drafted.</summary>
    public int DaysToApprove { get; private set; }

    public int NumberOfAdjusters { get; private set; }

    public MinutesStatus Status { get; private set; }

    public string? SecretaryName { get; private set; }

    /// <summary>Who chaired the meeting (a present ledamot).</summary>
    public Guid? ChairId { get; private set; }

    /// <summary>Utses att justera: the justerare appointed at the meeting.</summary>
    public List<Guid> Adjusters { get; private set; } = [];

    /// <summary>Justeringsdatum as planned at the meeting (printed on the first page).</summary>
    public DateOnly? PlannedApprovalDate { get; private set; }

    /// <summary>Where the protokoll is kept ("Omsorgsförvaltningen, Stadshuset"), for Bevis om anslagsdag.</summary>
    public string? KeptAt { get; private set; }

    public List<Attendee> Attendees { get; private set; } = [];

    public List<AttendanceChange> Changes { get; private set; } = [];

    public List<Adjournment> Adjournments { get; private set; } = [];

    public List<Presentation> Presentations { get; private set; } = [];

    public List<Approval> Approvals { get; private set; } = [];

    public List<Correction> Corrections { get; private set; } = [];

    /// <summary>The SHA-256 of the PDF out for justering; every signer approves exactly this.</summary>
    public string? ApprovalSha256 { get; private set; }

    /// <summary>The stored PDF out for justering.</summary>
    public Guid? ApprovalFileId { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>When the last signer approved: the justering.</summary>
    public DateTimeOffset? ApprovedAt { get; private set; }

    /// <summary>The justerat protokoll as printed after the last signature (tagged PDF, signature lines and Bevis om anslagsdag).</summary>
    public Guid? ApprovedFileId { get; private set; }

    /// <summary>The PDF/A-2b rendition of <see cref="ApprovedFileId"/> for the archive (rule 26).</summary>
    public Guid? ArchiveFileId { get; private set; }

    /// <summary>The anslag announcing the justering (rule 15).</summary>
    public Guid? PostingId { get; private set; }

    /// <summary>The published public version (rule 23), once the secretary reviewed and published it (rule 24).</summary>
    public Guid? PublicFileId { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>Who reviewed and published the public version.</summary>
    public string? PublishedBy { get; private set; }

    /// <summary>Why the public version was published although it held a number like a personnummer (rule 24's recorded override).</summary>
    public string? PublicationOverrideReason { get; private set; }

    public int Revision { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyList<MinutesSection> Sections => _sections.OrderBy(s => s.Number).ToList();

    public int FirstNumber => _sections.Count == 0 ? 0 : _sections.Min(s => s.Number);

    public int LastNumber => _sections.Count == 0 ? 0 : _sections.Max(s => s.Number);

    public ApprovalDeadline Deadline => new(MeetingDate.AddDays(DaysToApprove));

    /// <summary>The chair first, then the justerare: everyone who signs.</summary>
    public IReadOnlyList<(Guid PersonId, SignerRole Role)> Signers =>
        (ChairId is { } chair ? new[] { (chair, SignerRole.Chair) } : [])
            .Concat(Adjusters.Select(a => (a, SignerRole.Adjuster)))
            .ToList();

    /// <summary>
    /// Drafts the protokoll of a meeting: one § per handled item numbered from <paramref name="firstNumber"/> (the next in
    /// the organ's series), the roster as roll call (nobody marked present yet), the information presented outside §§.
    /// </summary>
    public static MeetingMinutes Draft(
        Guid meetingId,
        Guid organId,
        string organName,
        DateOnly meetingDate,
        string place,
        OrganRules rules,
        int seats,
        IEnumerable<Attendee> roster,
        Guid? chairId,
        int firstNumber,
        IReadOnlyList<SectionDraft> sections,
        IEnumerable<Presentation>? presentations = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(sections);
        if (firstNumber < 1)
        {
            throw new DomainException("Paragrafnumren börjar på 1.");
        }

        if (sections.Count > MaxSections)
        {
            throw new DomainException($"Ett protokoll kan ha högst {MaxSections} paragrafer.");
        }

        var minutes = new MeetingMinutes
        {
            MeetingId = meetingId,
            OrganId = organId,
            OrganName = MinutesText.Required(organName, 200, "Organets namn"),
            MeetingDate = meetingDate,
            Place = MinutesText.Required(place, 200, "Platsen"),
            Seats = seats,
            DaysToApprove = rules.DaysToApprove,
            NumberOfAdjusters = rules.NumberOfAdjusters,
            Status = MinutesStatus.Draft,
            Attendees = roster.ToList(),
            Presentations = (presentations ?? []).ToList(),
        };
        if (minutes.Attendees.Select(a => a.PersonId).Distinct().Count() != minutes.Attendees.Count)
        {
            throw new DomainException("Samma person finns två gånger i närvarolistan.");
        }

        if (chairId is { } chair && minutes.Attendees.Any(a => a.PersonId == chair && a.Kind == AttendeeKind.Member))
        {
            minutes.ChairId = chair;
        }

        for (var i = 0; i < sections.Count; i++)
        {
            minutes._sections.Add(new MinutesSection(minutes.Id, firstNumber + i, sections[i]));
        }

        minutes.RecordQuorum();
        return minutes;
    }

    public const int MaxSections = 200;

    public MinutesSection Section(int number) =>
        _sections.SingleOrDefault(s => s.Number == number) ?? throw new DomainException($"Protokollet har ingen § {number}.");

    public Attendee Attendee(Guid personId) =>
        Attendees.SingleOrDefault(a => a.PersonId == personId) ?? throw new DomainException("Personen finns inte i närvarolistan.");

    // ---- the meeting itself ---------------------------------------------------------------------------------------

    public void SetDetails(string place, string? secretaryName, DateOnly? plannedApprovalDate, string? keptAt)
    {
        EnsureDraft();
        Place = MinutesText.Required(place, 200, "Plats");
        SecretaryName = MinutesText.Optional(secretaryName, 200, "Sekreterare");
        if (plannedApprovalDate is { } planned && (planned < MeetingDate || planned > Deadline.Due))
        {
            throw new DomainException($"Justeringsdatum ska ligga mellan sammanträdet och sista dag för justering, {Deadline.Due:yyyy-MM-dd}.");
        }

        PlannedApprovalDate = plannedApprovalDate;
        KeptAt = MinutesText.Optional(keptAt, 300, "Var protokollet förvaras");
        Revision++;
    }

    /// <summary>The chair opened the meeting at <paramref name="at"/>.</summary>
    public void RecordOpened(DateTimeOffset at)
    {
        EnsureDraft();
        if (MeetingClosedAt is not null)
        {
            throw new DomainException("Sammanträdet är redan avslutat.");
        }

        OpenedAt = TimeOnly.FromDateTime(SwedishTime.ToLocal(at).DateTime);
        Revision++;
    }

    /// <summary>The chair closed the meeting at <paramref name="at"/>: no reservation can be announced after it (rule 10).</summary>
    public void RecordClosed(DateTimeOffset at)
    {
        EnsureDraft();
        if (MeetingClosedAt is not null)
        {
            throw new DomainException("Sammanträdet är redan avslutat.");
        }

        MeetingClosedAt = at.ToUniversalTime();
        ClosedAt = TimeOnly.FromDateTime(SwedishTime.ToLocal(at).DateTime);
        Revision++;
    }

    /// <summary>Corrects the printed opening and closing times ("klockan 12.55 – 15.18").</summary>
    public void SetTimes(TimeOnly? openedAt, TimeOnly? closedAt)
    {
        EnsureDraft();
        if (openedAt is { } from && closedAt is { } to && to <= from)
        {
            throw new DomainException("Sammanträdet måste sluta efter att det började.");
        }

        if (closedAt is not null && MeetingClosedAt is null)
        {
            throw new DomainException("Sluttiden sätts när sammanträdet avslutas.");
        }

        OpenedAt = openedAt;
        ClosedAt = closedAt ?? ClosedAt;
        Revision++;
    }

    // ---- attendance -------------------------------------------------------------------------------------------------

    /// <summary>The roll call at the opening: whether the person is present and, for an ersättare, whom they serve for.</summary>
    public void SetPresence(Guid personId, bool present, Guid? servesFor)
    {
        EnsureDraft();
        var attendee = Attendee(personId);
        if (servesFor is { } ledamotId)
        {
            if (attendee.Kind != AttendeeKind.Substitute)
            {
                throw new DomainException($"Bara en ersättare kan tjänstgöra för en ledamot; {attendee.Name} är inte ersättare.");
            }

            if (!present)
            {
                throw new DomainException($"{attendee.Name} är inte närvarande och kan inte tjänstgöra.");
            }

            var ledamot = Attendee(ledamotId);
            if (ledamot.Kind != AttendeeKind.Member)
            {
                throw new DomainException("En ersättare tjänstgör för en ledamot.");
            }

            if (ledamot.Present)
            {
                throw new DomainException($"{ledamot.Name} är närvarande; ingen ersättare behöver tjänstgöra för hen.");
            }

            if (Attendees.Any(a => a.PersonId != personId && a.ServesFor == ledamotId))
            {
                throw new DomainException($"En annan ersättare tjänstgör redan för {ledamot.Name}.");
            }
        }

        var before = (attendee.Present, attendee.ServesFor);
        var stepsBack = attendee.Kind == AttendeeKind.Member && present ? Attendees.FirstOrDefault(a => a.ServesFor == personId) : null;
        ChangeAttendance(
            () =>
            {
                attendee.Present = present;
                attendee.ServesFor = servesFor;

                // The ledamot is here after all: the ersättare who was to serve for them does not.
                stepsBack?.ServesFor = null;
            },
            () =>
            {
                (attendee.Present, attendee.ServesFor) = before;
                stepsBack?.ServesFor = personId;
            });
    }

    /// <summary>Adds an official (name and title) or another participant to the roll call.</summary>
    public Guid AddParticipant(AttendeeKind kind, string name, string? title)
    {
        EnsureDraft();
        if (kind is not (AttendeeKind.Official or AttendeeKind.Other))
        {
            throw new DomainException("Ledamöter och ersättare kommer från organets förteckning.");
        }

        if (Attendees.Count(a => !a.IsMemberOrSubstitute) >= 100)
        {
            throw new DomainException("Högst 100 övriga deltagare kan antecknas.");
        }

        var attendee = new Attendee(Guid.CreateVersion7(), kind, name, null, null, title, Attendees.Count + 1) { Present = true };
        Attendees.Add(attendee);
        Revision++;
        return attendee.PersonId;
    }

    public void RemoveParticipant(Guid personId)
    {
        EnsureDraft();
        var attendee = Attendee(personId);
        if (attendee.IsMemberOrSubstitute)
        {
            throw new DomainException("Ledamöter och ersättare tas inte bort ur närvarolistan; markera dem som frånvarande.");
        }

        Attendees.Remove(attendee);
        Revision++;
    }

    /// <summary>
    /// A change of who is present or serves, from § <paramref name="fromSection"/> (rule 6: only between §§). A ledamot who
    /// arrives takes their seat back from an ersättare serving for them; one who left does not return the same day.
    /// </summary>
    public Guid AddChange(Guid personId, AttendanceChangeKind kind, int fromSection, Guid? servesFor, TimeOnly? at)
    {
        EnsureDraft();
        var attendee = Attendee(personId);
        if (!attendee.IsMemberOrSubstitute)
        {
            throw new DomainException("Ändringar i tjänstgöringen gäller ledamöter och ersättare.");
        }

        Section(fromSection);
        EnsureUnlockedFrom(fromSection);
        if (kind == AttendanceChangeKind.StartsServing && servesFor is null)
        {
            throw new DomainException("Ange vilken ledamot ersättaren tjänstgör för.");
        }

        if (kind is AttendanceChangeKind.Leaves or AttendanceChangeKind.StopsServing && servesFor is not null)
        {
            throw new DomainException("Den som lämnar eller går ur tjänstgör inte för någon.");
        }

        var change = new AttendanceChange(personId, kind, fromSection, servesFor, at, Changes.Count == 0 ? 1 : Changes.Max(c => c.Order) + 1);
        ChangeAttendance(() => Changes.Add(change), () => Changes.Remove(change));
        return change.Id;
    }

    public void RemoveChange(Guid changeId)
    {
        EnsureDraft();
        var change = Changes.SingleOrDefault(c => c.Id == changeId) ?? throw new DomainException("Ändringen finns inte.");
        EnsureUnlockedFrom(change.FromSection);
        ChangeAttendance(() => Changes.Remove(change), () => Changes.Add(change));
    }

    /// <summary>Who serves in § <paramref name="number"/> before jäv: the present ledamöter and the ersättare serving for absent ones.</summary>
    public IReadOnlySet<Guid> ServingBeforeDisqualification(int number)
    {
        Section(number);
        return Replay(number).Serving;
    }

    /// <summary>Who serves in § <paramref name="number"/>: rule 6's changes applied, then rule 7's jäv (the jävig out, their ersättare in).</summary>
    public IReadOnlySet<Guid> ServingIn(int number)
    {
        var section = Section(number);
        var serving = Replay(number).Serving.ToHashSet();
        foreach (var jav in section.Disqualifications)
        {
            serving.Remove(jav.PersonId);
            if (jav.SubstituteId is { } substitute)
            {
                serving.Add(substitute);
            }
        }

        return serving;
    }

    /// <summary>Who is present (serving or not) in § <paramref name="number"/>, the jävig excepted.</summary>
    public IReadOnlySet<Guid> PresentIn(int number)
    {
        var section = Section(number);
        var present = Replay(number).Present.ToHashSet();
        present.ExceptWith(section.Disqualifications.Select(d => d.PersonId));
        present.UnionWith(ServingIn(number));
        return present;
    }

    /// <summary>For each ersättare serving in § <paramref name="number"/>, the ledamot they serve for ("Ersättare för").</summary>
    public IReadOnlyDictionary<Guid, Guid> ServesForIn(int number)
    {
        var section = Section(number);
        var map = Replay(number).ServesFor.ToDictionary();
        foreach (var jav in section.Disqualifications.Where(d => d.SubstituteId is not null))
        {
            map[jav.SubstituteId!.Value] = jav.PersonId;
        }

        return map;
    }

    /// <summary>Rule 4: more than half of the seats serve in the §, counted after jäv.</summary>
    public bool QuorumIn(int number) => Quorum.IsMet(Seats, ServingIn(number).Count);

    /// <summary>An adjournment between § <paramref name="afterSection"/> and the next.</summary>
    public Guid AddAdjournment(int afterSection, TimeOnly from, TimeOnly to)
    {
        EnsureDraft();
        Section(afterSection);
        var adjournment = new Adjournment(afterSection, from, to);
        Adjournments.Add(adjournment);
        Revision++;
        return adjournment.Id;
    }

    public void RemoveAdjournment(Guid id)
    {
        EnsureDraft();
        Adjournments.Remove(Adjournments.SingleOrDefault(a => a.Id == id) ?? throw new DomainException("Ajourneringen finns inte."));
        Revision++;
    }

    public void SetPresentations(IEnumerable<Presentation> presentations)
    {
        EnsureDraft();
        var list = presentations.ToList();
        if (list.Count > 100)
        {
            throw new DomainException("Högst 100 informationspunkter kan antecknas.");
        }

        Presentations = list;
        Revision++;
    }

    /// <summary>Who chaired and who justerar: a present ledamot as chair, and exactly the organ's number of justerare.</summary>
    public void SetSigners(Guid chairId, IReadOnlyList<Guid> adjusters)
    {
        EnsureDraft();
        ArgumentNullException.ThrowIfNull(adjusters);
        var chair = Attendee(chairId);
        if (chair.Kind != AttendeeKind.Member)
        {
            throw new DomainException("Ordföranden ska vara en ledamot.");
        }

        if (adjusters.Count != NumberOfAdjusters)
        {
            throw new DomainException(NumberOfAdjusters == 1
                ? "Utse en justerare."
                : $"Utse {NumberOfAdjusters} justerare.");
        }

        if (adjusters.Distinct().Count() != adjusters.Count || adjusters.Contains(chairId))
        {
            throw new DomainException("Ordföranden och justerarna ska vara olika personer.");
        }

        foreach (var id in adjusters)
        {
            var adjuster = Attendee(id);
            if (!adjuster.IsMemberOrSubstitute || !(adjuster.Present || Changes.Any(c => c.PersonId == id && c.Kind == AttendanceChangeKind.Arrives)))
            {
                throw new DomainException($"{adjuster.Name} var inte närvarande och kan inte justera protokollet.");
            }
        }

        ChairId = chairId;
        Adjusters = adjusters.ToList();
        Revision++;
    }

    // ---- the §§ -------------------------------------------------------------------------------------------------

    public void WriteSection(
        int number, string title, IEnumerable<string>? decisions, IEnumerable<string>? decisionBasis, string? accountHtml,
        IEnumerable<string>? sendTo, string? propositionOrder, AppealKind appeal, string? secrecyProvision, bool immediateApproval)
    {
        var section = EditableSection(number);
        section.Write(title, decisions, decisionBasis, accountHtml, sendTo, propositionOrder, appeal, secrecyProvision, immediateApproval);
        Revision++;
    }

    /// <summary>
    /// Adds a § at <paramref name="position"/> (its number; the §§ from there move up one). The caller has taken one more
    /// number from the organ's series for it, so the block stays gapless.
    /// </summary>
    public MinutesSection InsertSection(int position, SectionDraft draft)
    {
        EnsureDraft();
        ArgumentNullException.ThrowIfNull(draft);
        if (_sections.Count >= MaxSections)
        {
            throw new DomainException($"Ett protokoll kan ha högst {MaxSections} paragrafer.");
        }

        if (position < FirstNumber || position > LastNumber + 1)
        {
            throw new DomainException($"En ny paragraf kan få nummer {FirstNumber}–{LastNumber + 1}.");
        }

        if (draft.AgendaItemId is { } itemId && _sections.Any(s => s.AgendaItemId == itemId))
        {
            throw new DomainException("Punkten har redan en paragraf.");
        }

        EnsureUnlockedFrom(position);
        Shift(position, +1);
        var section = new MinutesSection(Id, position, draft);
        _sections.Add(section);
        RecordQuorum();
        Revision++;
        return section;
    }

    /// <summary>Takes § <paramref name="number"/> out; the §§ after it move down one (the caller gives the last number back to the series).</summary>
    public MinutesSection RemoveSection(int number)
    {
        EnsureDraft();
        var section = Section(number);
        if (_sections.Count == 1)
        {
            throw new DomainException("Protokollet måste ha minst en paragraf.");
        }

        EnsureUnlockedFrom(number);
        if (Changes.Any(c => c.FromSection == number) && number == LastNumber)
        {
            throw new DomainException($"Ändringar i närvaron gäller från § {number}. Ta bort dem först.");
        }

        _sections.Remove(section);
        foreach (var adjournment in Adjournments.Where(a => a.AfterSection == number))
        {
            // A pause after the § taken out fell after the one before it.
            adjournment.AfterSection = number - 1;
        }

        Adjournments.RemoveAll(a => a.AfterSection < FirstNumber);
        Shift(number + 1, -1);
        RecordQuorum();
        Revision++;
        return section;
    }

    /// <summary>Jäv (rule 7): the person is not present for the §; <paramref name="substituteId"/>, a present ersättare not serving, may serve instead.</summary>
    public void SetDisqualified(int number, Guid personId, Guid? substituteId)
    {
        var section = EditableSection(number);
        var person = Attendee(personId);
        var before = Replay(number);
        if (!before.Serving.Contains(personId) && !before.Present.Contains(personId))
        {
            throw new DomainException($"{person.Name} är inte närvarande i § {number}.");
        }

        if (section.Disqualifications.Any(d => d.PersonId == personId))
        {
            throw new DomainException($"{person.Name} är redan antecknad som jävig i § {number}.");
        }

        if (substituteId is { } substitute)
        {
            var ersattare = Attendee(substitute);
            if (ersattare.Kind != AttendeeKind.Substitute || !before.Present.Contains(substitute))
            {
                throw new DomainException($"{ersattare.Name} är inte en närvarande ersättare.");
            }

            if (!before.Serving.Contains(personId))
            {
                throw new DomainException($"{person.Name} tjänstgör inte i § {number}; ingen behöver gå in i hens ställe.");
            }

            if (ServingIn(number).Contains(substitute))
            {
                throw new DomainException($"{ersattare.Name} tjänstgör redan i § {number}.");
            }
        }

        var jav = new Disqualification(personId, substituteId);
        ChangeAttendance(() => section.Disqualifications.Add(jav), () => section.Disqualifications.Remove(jav));
    }

    public void RemoveDisqualification(int number, Guid personId)
    {
        var section = EditableSection(number);
        var jav = section.Disqualifications.SingleOrDefault(d => d.PersonId == personId) ?? throw new DomainException("Jävet finns inte.");
        if (jav.SubstituteId is { } substitute && (section.Proposals.Any(p => p.PersonId == substitute) || section.Votes.Any(v => v.Ballots.Any(b => b.PersonId == substitute)) || section.Reservations.Any(r => r.PersonId == substitute)))
        {
            throw new DomainException("Ersättaren som gick in har yrkanden, röster eller reservationer i paragrafen. Ta bort dem först.");
        }

        ChangeAttendance(() => section.Disqualifications.Remove(jav), () => section.Disqualifications.Add(jav));
    }

    /// <summary>A yrkande (rule 8): only by someone serving in the §.</summary>
    public Guid AddProposal(int number, Guid personId, ProposalKind kind, string? text)
    {
        var section = EditableSection(number);
        EnsureServing(section, personId, "yrka");
        if ((kind is ProposalKind.Amend or ProposalKind.Add) && string.IsNullOrWhiteSpace(text))
        {
            throw new DomainException("Skriv vad yrkandet går ut på.");
        }

        if (section.Proposals.Count >= 50)
        {
            throw new DomainException("En paragraf kan ha högst 50 yrkanden.");
        }

        var proposal = new Proposal(personId, kind, text);
        section.Proposals.Add(proposal);
        Revision++;
        return proposal.Id;
    }

    /// <summary>The proposer withdrew it: it stays recorded but is not printed (rule 11).</summary>
    public void WithdrawProposal(int number, Guid proposalId)
    {
        var section = EditableSection(number);
        var proposal = section.Proposals.SingleOrDefault(p => p.Id == proposalId) ?? throw new DomainException("Yrkandet finns inte.");
        proposal.Withdrawn = true;
        Revision++;
    }

    /// <summary>An open vote (rule 9): every member serving in the § answers; a tie is decided by the chair's casting vote.</summary>
    public VoteRecord RecordOpenVote(int number, string jaMeans, string nejMeans, IReadOnlyDictionary<Guid, Ballot> ballots, Ballot? castingVote = null)
    {
        var section = EditableSection(number);
        ArgumentNullException.ThrowIfNull(ballots);
        EnsureVoters(section, ballots.Keys);
        if (ChairId is not { } chair)
        {
            throw new DomainException("Ange vem som är ordförande innan en omröstning antecknas.");
        }

        var result = Vote.Open(ServingIn(number).ToHashSet(), chair, ballots, castingVote);
        var record = new VoteRecord(false, false, jaMeans, nejMeans, ballots.Select(b => new BallotEntry(b.Key, b.Value)), result);
        section.Votes.Add(record);
        Revision++;
        return record;
    }

    /// <summary>A val (rule 9): by secret ballot only the counts are kept; a tie is decided by lot.</summary>
    public VoteRecord RecordElection(int number, string jaMeans, string nejMeans, bool secret, int ja, int nej, int abstain, Ballot? lot, IReadOnlyDictionary<Guid, Ballot>? openBallots = null)
    {
        var section = EditableSection(number);
        VoteResult result;
        IEnumerable<BallotEntry> kept = [];
        if (!secret && openBallots is not null)
        {
            EnsureVoters(section, openBallots.Keys);
            var serving = ServingIn(number);
            if (serving.Any(s => !openBallots.ContainsKey(s)))
            {
                throw new DomainException("Varje tjänstgörande ledamot ska ha ett svar i en öppen omröstning.");
            }

            result = Vote.Election(serving.Count, openBallots.Values.Count(b => b == Ballot.Ja), openBallots.Values.Count(b => b == Ballot.Nej), openBallots.Values.Count(b => b == Ballot.Avstar), lot);
            kept = openBallots.Select(b => new BallotEntry(b.Key, b.Value));
        }
        else
        {
            result = Vote.Election(ServingIn(number).Count, ja, nej, abstain, lot);
        }

        var record = new VoteRecord(true, secret, jaMeans, nejMeans, kept, result);
        section.Votes.Add(record);
        Revision++;
        return record;
    }

    public void RemoveVote(int number, Guid voteId)
    {
        var section = EditableSection(number);
        section.Votes.Remove(section.Votes.SingleOrDefault(v => v.Id == voteId) ?? throw new DomainException("Omröstningen finns inte."));
        Revision++;
    }

    /// <summary>
    /// A reservation (rules 8, 10): only by someone who took part in the §, announced before the meeting closed. Written
    /// reasons may come with it or later (<see cref="GiveReservationReasons"/>).
    /// </summary>
    public void Reserve(int number, Guid personId, DateTimeOffset at, string? reasons)
    {
        var section = EditableSection(number);
        EnsureServing(section, personId, "reservera sig");
        if (MeetingClosedAt is { } closed && at >= closed)
        {
            throw new DomainException("Sammanträdet är avslutat. En reservation ska anmälas innan sammanträdet avslutas (regel 10).");
        }

        if (section.Reservations.Any(r => r.PersonId == personId))
        {
            throw new DomainException($"{Attendee(personId).Name} har redan reserverat sig i § {number}.");
        }

        section.Reservations.Add(new Reservation(personId, at, reasons));
        Revision++;
    }

    /// <summary>Written reasons for an announced reservation, accepted until the justering deadline (rule 10).</summary>
    public void GiveReservationReasons(int number, Guid personId, string reasons, DateTimeOffset at)
    {
        var section = EditableSection(number);
        var reservation = section.Reservations.SingleOrDefault(r => r.PersonId == personId)
            ?? throw new DomainException($"{Attendee(personId).Name} har inte anmält någon reservation i § {number}.");
        if (SwedishTime.LocalDate(at) > Deadline.Due)
        {
            throw new DomainException($"Skriftliga skäl för en reservation tas emot till och med sista dag för justering, {Deadline.Due:yyyy-MM-dd}.");
        }

        reservation.Reasons = MinutesText.Required(reasons, 8000, "Skälen");
        reservation.ReasonsAt = at.ToUniversalTime();
        Revision++;
    }

    public void RemoveReservation(int number, Guid personId)
    {
        var section = EditableSection(number);
        section.Reservations.Remove(section.Reservations.SingleOrDefault(r => r.PersonId == personId) ?? throw new DomainException("Reservationen finns inte."));
        Revision++;
    }

    public Guid AddNote(int number, Guid? personId, string text)
    {
        var section = EditableSection(number);
        if (personId is { } id && !PresentIn(number).Contains(id))
        {
            throw new DomainException($"{Attendee(id).Name} är inte närvarande i § {number}.");
        }

        var note = new MinutesNote(personId, text);
        section.Notes.Add(note);
        Revision++;
        return note.Id;
    }

    public void RemoveNote(int number, Guid noteId)
    {
        var section = EditableSection(number);
        section.Notes.Remove(section.Notes.SingleOrDefault(n => n.Id == noteId) ?? throw new DomainException("Anteckningen finns inte."));
        Revision++;
    }

    // ---- justering ----------------------------------------------------------------------------------------------

    /// <summary>What would stop the protokoll going out for justering now; empty when it can.</summary>
    public IReadOnlyList<string> ProblemsBeforeApproval()
    {
        var problems = new List<string>();
        if (MeetingClosedAt is null)
        {
            problems.Add("Sammanträdet är inte avslutat.");
        }

        if (ChairId is null || Adjusters.Count != NumberOfAdjusters)
        {
            problems.Add("Ordförande och justerare är inte utsedda.");
        }

        problems.AddRange(_sections
            .Where(s => s.Kind is SectionKind.Decision or SectionKind.Election && s.Decisions.Count == 0)
            .OrderBy(s => s.Number)
            .Select(s => $"§ {s.Number} saknar beslut."));
        return problems;
    }

    /// <summary>Sends the protokoll for justering as one exact PDF: from now every signer approves this checksum.</summary>
    public void SubmitForApproval(Guid fileId, string sha256, DateTimeOffset at)
    {
        EnsureDraft();
        var problems = ProblemsBeforeApproval();
        if (problems.Count > 0)
        {
            throw new DomainException("Protokollet kan inte skickas för justering: " + string.Join(" ", problems));
        }

        ApprovalFileId = fileId;
        ApprovalSha256 = CheckedSha(sha256);
        SubmittedAt = at.ToUniversalTime();
        Status = MinutesStatus.ForApproval;
        Revision++;
    }

    /// <summary>Takes the protokoll back to draft; signatures already given are void (they signed a text that will change).</summary>
    public void TakeBack()
    {
        if (Status != MinutesStatus.ForApproval)
        {
            throw new DomainException(Status == MinutesStatus.Approved
                ? "Protokollet är justerat och kan inte tas tillbaka. En rättelse görs som en egen åtgärd."
                : "Protokollet är inte ute för justering.");
        }

        Approvals.RemoveAll(a => a.Section is null && a.CorrectionId is null);
        ApprovalFileId = null;
        ApprovalSha256 = null;
        SubmittedAt = null;
        Status = MinutesStatus.Draft;
        Revision++;
    }

    /// <summary>
    /// One signer approves the PDF out for justering (rules 12, 13, 27). The signer must be the chair or a justerare, have
    /// proven password and second factor within <see cref="StrongAuthentication.MaxAge"/>, and approve exactly the
    /// checksum out for justering. Returns true when this was the last signature: the protokoll is justerat and locked.
    /// </summary>
    public bool Approve(Guid personId, Guid userId, DateTimeOffset at, StrongAuthentication authentication, string sha256, string provider)
    {
        if (Status == MinutesStatus.Approved)
        {
            throw new DomainException("Protokollet är redan justerat.");
        }

        if (Status != MinutesStatus.ForApproval || ApprovalSha256 is null)
        {
            throw new DomainException("Protokollet är inte skickat för justering.");
        }

        var role = SignerRoleOf(personId);
        EnsureFresh(authentication, at);
        if (!string.Equals(CheckedSha(sha256), ApprovalSha256, StringComparison.Ordinal))
        {
            throw new DomainException("Protokollet du granskade är inte den version som är ute för justering. Öppna den aktuella versionen och justera den.");
        }

        if (Approvals.Any(a => a.Section is null && a.CorrectionId is null && a.PersonId == personId))
        {
            throw new DomainException("Du har redan justerat protokollet.");
        }

        Approvals.Add(new Approval(personId, Attendee(personId).Name, role, userId, at, authentication, ApprovalSha256, provider, null, null));
        Revision++;
        if (Signers.All(s => Approvals.Any(a => a.Section is null && a.CorrectionId is null && a.PersonId == s.PersonId)))
        {
            Status = MinutesStatus.Approved;
            ApprovedAt = at.ToUniversalTime();
            return true;
        }

        return false;
    }

    /// <summary>The protokoll's signatures, in signing order.</summary>
    public IReadOnlyList<Approval> MinutesApprovals => Approvals.Where(a => a.Section is null && a.CorrectionId is null).OrderBy(a => a.ApprovedAt).ToList();

    /// <summary>Rule 14: the print of § <paramref name="number"/> that its omedelbar justering signs; a new print voids no signature (none may exist yet).</summary>
    public void PrepareImmediateApproval(int number, Guid fileId, string sha256)
    {
        var section = EditableSection(number);
        if (!section.ImmediateApproval)
        {
            throw new DomainException($"§ {number} är inte markerad för omedelbar justering.");
        }

        if (section.Kind is SectionKind.Decision or SectionKind.Election && section.Decisions.Count == 0)
        {
            throw new DomainException($"§ {number} saknar beslut.");
        }

        if (ChairId is null || Adjusters.Count != NumberOfAdjusters)
        {
            throw new DomainException("Utse ordförande och justerare innan paragrafen justeras.");
        }

        section.ImmediateFileId = fileId;
        section.ImmediateSha256 = CheckedSha(sha256);
        Revision++;
    }

    /// <summary>Records the anslag of a § justerad at once.</summary>
    public void RecordImmediatePosting(int number, Guid postingId)
    {
        var section = Section(number);
        if (!section.IsLocked || section.ImmediatePostingId is not null)
        {
            throw new DomainException($"§ {number} är inte omedelbart justerad, eller redan anslagen.");
        }

        section.ImmediatePostingId = postingId;
        Revision++;
    }

    /// <summary>
    /// Omedelbar justering (rule 14): a § marked for it is approved at once, over the checksum of its own PDF. Returns
    /// true when every signer has approved: the § is locked and can be announced on its own.
    /// </summary>
    public bool ApproveSectionImmediately(int number, Guid personId, Guid userId, DateTimeOffset at, StrongAuthentication authentication, string sha256, string provider)
    {
        var section = Section(number);
        if (!section.ImmediateApproval)
        {
            throw new DomainException($"§ {number} är inte markerad för omedelbar justering.");
        }

        if (section.IsLocked)
        {
            throw new DomainException($"§ {number} är redan justerad.");
        }

        if (Status != MinutesStatus.Draft)
        {
            throw new DomainException("Omedelbar justering görs under sammanträdet, innan protokollet skickas för justering.");
        }

        if (section.Kind is SectionKind.Decision or SectionKind.Election && section.Decisions.Count == 0)
        {
            throw new DomainException($"§ {number} saknar beslut.");
        }

        var role = SignerRoleOf(personId);
        EnsureFresh(authentication, at);
        var checksum = CheckedSha(sha256);
        if (section.ImmediateSha256 is { } prepared && prepared != checksum)
        {
            throw new DomainException("Utskriften du granskade är inte den som ska justeras. Öppna den aktuella utskriften av paragrafen.");
        }

        var earlier = Approvals.Where(a => a.Section == number).ToList();
        if (earlier.Count > 0 && earlier[0].Sha256 != checksum)
        {
            throw new DomainException("Paragrafen har ändrats sedan den första justeringen. Öppna den aktuella versionen.");
        }

        if (earlier.Any(a => a.PersonId == personId))
        {
            throw new DomainException($"Du har redan justerat § {number}.");
        }

        Approvals.Add(new Approval(personId, Attendee(personId).Name, role, userId, at, authentication, checksum, provider, number, null));
        Revision++;
        if (Signers.All(s => Approvals.Any(a => a.Section == number && a.PersonId == s.PersonId)))
        {
            section.ImmediatelyApprovedAt = at.ToUniversalTime();
            return true;
        }

        return false;
    }

    /// <summary>
    /// Whether a correction of § <paramref name="section"/> (or of the protokoll as a whole) with this text may be written
    /// now: only of a justerat protokoll, of a § it has, and one at a time. Asked before the correction is printed.
    /// </summary>
    public void EnsureCorrectable(int? section, string? text)
    {
        if (Status != MinutesStatus.Approved)
        {
            throw new DomainException("Bara ett justerat protokoll rättas; ett utkast ändras direkt.");
        }

        if (section is { } number)
        {
            Section(number);
        }

        Correction.Normalised(text);
        if (Corrections.Any(c => c.ApprovedAt is null))
        {
            throw new DomainException("En rättelse väntar redan på justering. Låt den justeras eller dra tillbaka den först.");
        }
    }

    /// <summary>The number the next correction gets ("Rättelse 2").</summary>
    public int NextCorrectionNumber => Corrections.Count == 0 ? 1 : Corrections.Max(c => c.Number) + 1;

    /// <summary>
    /// A correction of a justerat protokoll (rule 13): the protokoll itself never changes; the correction is a new recorded
    /// act over its own print (<paramref name="fileId"/> with checksum <paramref name="sha256"/>), approved by the same signers.
    /// </summary>
    public Correction Correct(int? section, string text, Guid fileId, string sha256, string createdBy, DateTimeOffset at)
    {
        EnsureCorrectable(section, text);
        var correction = new Correction(NextCorrectionNumber, section, text, fileId, createdBy, at) { Sha256 = CheckedSha(sha256) };
        Corrections.Add(correction);
        Revision++;
        return correction;
    }

    /// <summary>The secretary withdraws a correction not yet justerad (a mistake in it); signatures given to it go with it.</summary>
    public void WithdrawCorrection(Guid correctionId)
    {
        var correction = Corrections.SingleOrDefault(c => c.Id == correctionId) ?? throw new DomainException("Rättelsen finns inte.");
        if (correction.ApprovedAt is not null)
        {
            throw new DomainException("En justerad rättelse kan inte dras tillbaka; skriv en ny rättelse.");
        }

        Approvals.RemoveAll(a => a.CorrectionId == correctionId);
        Corrections.Remove(correction);
        Revision++;
    }

    /// <summary>Records the prints and the anslag made once correction <paramref name="correctionId"/> was justerad.</summary>
    public void RecordCorrectionJustering(Guid correctionId, Guid signedFileId, Guid archiveFileId, Guid postingId)
    {
        var correction = Corrections.SingleOrDefault(c => c.Id == correctionId) ?? throw new DomainException("Rättelsen finns inte.");
        if (correction.ApprovedAt is null)
        {
            throw new DomainException("Rättelsen är inte justerad.");
        }

        correction.RecordJustering(signedFileId, archiveFileId, postingId);
        Revision++;
    }

    public bool ApproveCorrection(Guid correctionId, Guid personId, Guid userId, DateTimeOffset at, StrongAuthentication authentication, string sha256, string provider)
    {
        var correction = Corrections.SingleOrDefault(c => c.Id == correctionId) ?? throw new DomainException("Rättelsen finns inte.");
        if (correction.ApprovedAt is not null)
        {
            throw new DomainException("Rättelsen är redan justerad.");
        }

        var role = SignerRoleOf(personId);
        EnsureFresh(authentication, at);
        if (!string.Equals(CheckedSha(sha256), correction.Sha256, StringComparison.Ordinal))
        {
            throw new DomainException("Rättelsen du granskade är inte den som väntar på justering.");
        }

        if (Approvals.Any(a => a.CorrectionId == correctionId && a.PersonId == personId))
        {
            throw new DomainException("Du har redan justerat rättelsen.");
        }

        Approvals.Add(new Approval(personId, Attendee(personId).Name, role, userId, at, authentication, correction.Sha256!, provider, null, correctionId));
        Revision++;
        if (Signers.All(s => Approvals.Any(a => a.CorrectionId == correctionId && a.PersonId == s.PersonId)))
        {
            correction.ApprovedAt = at.ToUniversalTime();
            return true;
        }

        return false;
    }

    /// <summary>
    /// Records one dispatch of § <paramref name="number"/>'s decision (expediering) to a line of its "Beslutet skickas till":
    /// only once the § is justerat (the protokoll, or the § at once), and never twice to a recipient already sent it.
    /// </summary>
    public void RecordDispatch(int number, string recipient, string? address, DispatchMethod method, Guid extractFileId, DateTimeOffset at, string by, string? failure)
    {
        var section = Section(number);
        if (Status != MinutesStatus.Approved && !section.IsLocked)
        {
            throw new DomainException("Beslutet expedieras när paragrafen är justerad.");
        }

        if (!section.SendTo.Contains(recipient))
        {
            throw new DomainException($"{recipient} finns inte under ”Beslutet skickas till” i § {number}.");
        }

        if (section.Dispatches.Any(d => d.Recipient == recipient && d.Succeeded))
        {
            throw new DomainException($"Beslutet i § {number} är redan expedierat till {recipient}.");
        }

        section.Dispatches.Add(new DispatchEntry(recipient, address, method, extractFileId, at, by, failure));
        Revision++;
    }

    /// <summary>Records the prints and the anslag made once the protokoll was justerat.</summary>
    public void RecordJustering(Guid approvedFileId, Guid archiveFileId, Guid postingId)
    {
        if (Status != MinutesStatus.Approved)
        {
            throw new DomainException("Protokollet är inte justerat.");
        }

        if (PostingId is not null)
        {
            throw new DomainException("Justeringen är redan anslagen.");
        }

        ApprovedFileId = approvedFileId;
        ArchiveFileId = archiveFileId;
        PostingId = postingId;
        Revision++;
    }

    /// <summary>
    /// Publishes the public version after the review step (rule 24): only a justerat protokoll; refused while its text
    /// holds a personnummer or samordningsnummer (<paramref name="findings"/>), unless the reviewer records why it may
    /// still be published.
    /// </summary>
    public void Publish(Guid publicFileId, bool reviewed, IReadOnlyList<string> findings, string? overrideReason, string by, DateTimeOffset at)
    {
        var reason = EnsurePublishable(reviewed, findings, overrideReason);
        PublicFileId = publicFileId;
        PublishedAt = at.ToUniversalTime();
        PublishedBy = by;
        PublicationOverrideReason = findings.Count > 0 ? reason : null;
        Revision++;
    }

    /// <summary>Refuses, with the reason in words, a publication <see cref="Publish"/> would refuse; returns the cleaned override reason.</summary>
    public string? EnsurePublishable(bool reviewed, IReadOnlyList<string> findings, string? overrideReason)
    {
        ArgumentNullException.ThrowIfNull(findings);
        if (Status != MinutesStatus.Approved)
        {
            throw new DomainException("Bara ett justerat protokoll kan publiceras.");
        }

        if (PublicFileId is not null)
        {
            throw new DomainException("Den offentliga versionen är redan publicerad.");
        }

        if (!reviewed)
        {
            throw new DomainException("Granska den offentliga versionen och bekräfta granskningen innan den publiceras.");
        }

        var reason = MinutesText.Optional(overrideReason, 1000, "Skälet");
        if (findings.Count > 0 && reason is null)
        {
            throw new DomainException(
                $"Den offentliga versionen innehåller {(findings.Count == 1 ? "ett nummer" : $"{findings.Count} nummer")} som ser ut som personnummer eller samordningsnummer. "
                + "Ta bort dem ur protokollet (genom en rättelse), eller ange varför versionen ändå ska publiceras.");
        }

        return reason;
    }

    // ---- internals ----------------------------------------------------------------------------------------------

    private SignerRole SignerRoleOf(Guid personId) =>
        Signers.Where(s => s.PersonId == personId).Select(s => (SignerRole?)s.Role).FirstOrDefault()
        ?? throw new DomainException("Bara ordföranden och de utsedda justerarna justerar protokollet.");

    private static void EnsureFresh(StrongAuthentication authentication, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(authentication);
        if (!authentication.SecondFactor)
        {
            throw new DomainException("Justering kräver inloggning med lösenord och tvåstegsverifiering.");
        }

        var age = at - authentication.At;
        if (age < TimeSpan.Zero || age > StrongAuthentication.MaxAge)
        {
            throw new DomainException("Bekräfta med lösenord och engångskod igen: justeringen kräver en inloggning från de senaste fem minuterna.");
        }
    }

    private static string CheckedSha(string sha256)
    {
        if (sha256 is not { Length: 64 } || !sha256.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f'))
        {
            throw new DomainException("Kontrollsumman ska vara en SHA-256 i hex med små bokstäver.");
        }

        return sha256;
    }

    private void EnsureDraft()
    {
        switch (Status)
        {
            case MinutesStatus.Approved:
                throw new DomainException("Protokollet är justerat och kan inte ändras. En rättelse görs som en egen åtgärd.");
            case MinutesStatus.ForApproval:
                throw new DomainException("Protokollet är skickat för justering. Ta tillbaka det för att ändra.");
        }
    }

    private MinutesSection EditableSection(int number)
    {
        EnsureDraft();
        var section = Section(number);
        if (section.IsLocked)
        {
            throw new DomainException($"§ {number} är omedelbart justerad och kan inte ändras.");
        }

        if (Approvals.Any(a => a.Section == number))
        {
            throw new DomainException($"§ {number} håller på att justeras omedelbart och kan inte ändras.");
        }

        // A change makes the prepared print of an omedelbar justering stale: it is printed again before anyone signs.
        section.ImmediateFileId = null;
        section.ImmediateSha256 = null;
        return section;
    }

    private void EnsureUnlockedFrom(int number)
    {
        if (_sections.Where(s => s.Number >= number).FirstOrDefault(s => s.IsLocked || Approvals.Any(a => a.Section == s.Number)) is { } locked)
        {
            throw new DomainException($"§ {locked.Number} är omedelbart justerad eller under justering; närvaron och numren fram till den kan inte ändras.");
        }
    }

    private void EnsureServing(MinutesSection section, Guid personId, string verb)
    {
        var person = Attendee(personId);
        if (section.Disqualifications.Any(d => d.PersonId == personId))
        {
            throw new DomainException($"{person.Name} är jävig i § {section.Number} och får inte {verb} (regel 7).");
        }

        if (!ServingIn(section.Number).Contains(personId))
        {
            throw new DomainException($"{person.Name} tjänstgör inte i § {section.Number}. Bara de som tjänstgör får {verb} (regel 8).");
        }
    }

    private void EnsureVoters(MinutesSection section, IEnumerable<Guid> voters)
    {
        foreach (var voter in voters)
        {
            EnsureServing(section, voter, "rösta");
        }
    }

    /// <summary>Renumbers the §§ from <paramref name="from"/> by <paramref name="by"/>, with the changes and adjournments tied to them.</summary>
    private void Shift(int from, int by)
    {
        foreach (var section in _sections.Where(s => s.Number >= from))
        {
            section.Number += by;
        }

        foreach (var change in Changes.Where(c => c.FromSection >= from))
        {
            change.FromSection += by;
        }

        foreach (var adjournment in Adjournments.Where(a => a.AfterSection >= from))
        {
            adjournment.AfterSection += by;
        }
    }

    /// <summary>
    /// Runs <paramref name="change"/>, then checks that the attendance still replays (rules 5–7) and that nobody who
    /// proposed, voted or reserved in a § stops serving there; on a broken rule <paramref name="undo"/> restores the state.
    /// </summary>
    private void ChangeAttendance(Action change, Action undo)
    {
        change();
        try
        {
            Replay();
            foreach (var section in _sections.Where(s => !s.IsLocked))
            {
                var serving = ServingIn(section.Number);
                if (section.Proposals.Any(p => !serving.Contains(p.PersonId))
                    || section.Votes.Any(v => v.Ballots.Any(b => !serving.Contains(b.PersonId)))
                    || section.Reservations.Any(r => !serving.Contains(r.PersonId)))
                {
                    throw new DomainException($"Ändringen gör att någon som har yrkat, röstat eller reserverat sig i § {section.Number} inte längre tjänstgör där. Ta bort det först.");
                }
            }
        }
        catch (DomainException)
        {
            undo();
            throw;
        }

        RecordQuorum();
        Revision++;
    }

    private void RecordQuorum()
    {
        foreach (var section in _sections.Where(s => !s.IsLocked))
        {
            var serving = ServingIn(section.Number);
            section.ServingCount = serving.Count;
            section.QuorumMet = Quorum.IsMet(Seats, serving.Count);
        }
    }

    private sealed record AttendanceState(HashSet<Guid> Present, Dictionary<Guid, Guid> ServesFor, HashSet<Guid> Left)
    {
        public HashSet<Guid> Serving { get; init; } = [];
    }

    /// <summary>Replays the roll call and every change from the first § through <paramref name="upTo"/>, checking rules 5–6 as it goes.</summary>
    private AttendanceState Replay(int upTo = int.MaxValue)
    {
        var byId = Attendees.ToDictionary(a => a.PersonId);
        var present = Attendees.Where(a => a.IsMemberOrSubstitute && a.Present).Select(a => a.PersonId).ToHashSet();
        var servesFor = Attendees.Where(a => a.Present && a.ServesFor is not null).ToDictionary(a => a.PersonId, a => a.ServesFor!.Value);
        var left = new HashSet<Guid>();
        foreach (var change in Changes.Where(c => c.FromSection <= upTo).OrderBy(c => c.FromSection).ThenBy(c => c.Order))
        {
            var who = byId[change.PersonId];
            switch (change.Kind)
            {
                case AttendanceChangeKind.Arrives:
                    if (left.Contains(who.PersonId))
                    {
                        throw new DomainException($"{who.Name} lämnade sammanträdet och kan inte komma tillbaka samma dag (regel 6).");
                    }

                    if (!present.Add(who.PersonId))
                    {
                        throw new DomainException($"{who.Name} är redan närvarande i § {change.FromSection}.");
                    }

                    if (who.Kind == AttendeeKind.Member)
                    {
                        foreach (var stepping in servesFor.Where(s => s.Value == who.PersonId).Select(s => s.Key).ToList())
                        {
                            servesFor.Remove(stepping);
                        }
                    }

                    if (change.ServesFor is { } target)
                    {
                        StartServing(who, target, change.FromSection);
                    }

                    break;
                case AttendanceChangeKind.Leaves:
                    if (!present.Remove(who.PersonId))
                    {
                        throw new DomainException($"{who.Name} är inte närvarande i § {change.FromSection} och kan inte lämna.");
                    }

                    servesFor.Remove(who.PersonId);
                    left.Add(who.PersonId);
                    break;
                case AttendanceChangeKind.StartsServing:
                    if (!present.Contains(who.PersonId))
                    {
                        throw new DomainException($"{who.Name} är inte närvarande i § {change.FromSection} och kan inte tjänstgöra.");
                    }

                    StartServing(who, change.ServesFor!.Value, change.FromSection);
                    break;
                case AttendanceChangeKind.StopsServing:
                    if (!servesFor.Remove(who.PersonId))
                    {
                        throw new DomainException($"{who.Name} tjänstgör inte i § {change.FromSection}.");
                    }

                    break;
            }
        }

        var serving = present.Where(p => byId[p].Kind == AttendeeKind.Member).Concat(servesFor.Keys).ToHashSet();
        return new AttendanceState(present, servesFor, left) { Serving = serving };

        void StartServing(Attendee who, Guid target, int from)
        {
            if (who.Kind != AttendeeKind.Substitute)
            {
                throw new DomainException($"Bara en ersättare kan tjänstgöra för en ledamot; {who.Name} är inte ersättare.");
            }

            var ledamot = byId.GetValueOrDefault(target) ?? throw new DomainException("Ledamoten finns inte i närvarolistan.");
            if (ledamot.Kind != AttendeeKind.Member)
            {
                throw new DomainException("En ersättare tjänstgör för en ledamot.");
            }

            if (present.Contains(target))
            {
                throw new DomainException($"{ledamot.Name} är närvarande i § {from}; ingen ersättare kan tjänstgöra för hen.");
            }

            if (servesFor.ContainsKey(who.PersonId))
            {
                throw new DomainException($"{who.Name} tjänstgör redan i § {from}.");
            }

            if (servesFor.Any(s => s.Value == target))
            {
                throw new DomainException($"En annan ersättare tjänstgör redan för {ledamot.Name} i § {from}.");
            }

            servesFor[who.PersonId] = target;
        }
    }
}
