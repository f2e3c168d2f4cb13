using System.Globalization;
using Nämndportal.Domain.Minutes;

namespace Nämndportal.Application.Minutes;

/// <summary>
/// Turns a protokoll into what its print says, sentence by sentence, in the municipalities' wording: who decided and for
/// whom, the changes of who serves at the § they apply from, jäv, proposals not withdrawn, the chair's order, votes with
/// each voter (rule 11), reservations, the appeal instructions and the adjournments between §§. The public version puts a
/// placeholder naming the OSL provision in place of a secret § (rule 23).
/// </summary>
public static class MinutesDocumentBuilder
{
    public const string SecretTitle = "Ärende som omfattas av sekretess";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static MinutesDocumentModel Build(
        MeetingMinutes minutes, MinutesPrintKind kind, string? municipality, NoticeProof? proof = null, int? extractSection = null,
        string? certification = null, IReadOnlyDictionary<int, int>? pages = null)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        var first = minutes.FirstNumber;
        var serving = minutes.ServingBeforeDisqualification(first);
        var servesFor = minutes.ServesForIn(first);
        string Name(Guid id) => minutes.Attendees.FirstOrDefault(a => a.PersonId == id)?.DisplayName ?? "(okänd)";
        var attendees = minutes.Attendees.OrderBy(a => a.Order).ToList();
        var deciding = attendees.Where(a => serving.Contains(a.PersonId))
            .Select(a => new PersonLine(a.DisplayName, a.Kind == AttendeeKind.Substitute ? "Ersättare" : a.Role, servesFor.TryGetValue(a.PersonId, out var f) ? Name(f) : null))
            .ToList();
        var otherSubstitutes = attendees.Where(a => a.Kind == AttendeeKind.Substitute && a.Present && !serving.Contains(a.PersonId))
            .Select(a => new PersonLine(a.DisplayName, "Ersättare")).ToList();
        var sections = minutes.Sections.Where(s => extractSection is null || s.Number == extractSection).ToList();
        var prints = sections.Select(s => Section(minutes, s, kind, Name)).ToList();
        var signedBy = minutes.Status == MinutesStatus.Approved
            ? minutes.MinutesApprovals.OrderBy(a => a.Role).Select(a => $"{(a.Role == SignerRole.Chair ? "Ordförande" : "Justerande")} – {a.Name}").ToList()
            : [];
        return new MinutesDocumentModel
        {
            Kind = kind,
            Municipality = municipality,
            OrganName = minutes.OrganName,
            MeetingDate = minutes.MeetingDate,
            PlaceAndTime = minutes.Place + (minutes.OpenedAt is { } opened
                ? $", klockan {opened.ToString("HH.mm", Invariant)}" + (minutes.ClosedAt is { } closed ? $" – {closed.ToString("HH.mm", Invariant)}" : string.Empty)
                : string.Empty),
            Deciding = deciding,
            OtherSubstitutes = otherSubstitutes,
            Officials = attendees.Where(a => a.Kind == AttendeeKind.Official).Select(a => new PersonLine(a.Name, a.Title)).ToList(),
            Others = attendees.Where(a => a.Kind == AttendeeKind.Other).Select(a => new PersonLine(a.Name, a.Title)).ToList(),
            Secretary = minutes.SecretaryName,
            Chair = minutes.ChairId is { } chair ? Name(chair) : null,
            Adjusters = minutes.Adjusters.Select(Name).ToList(),
            ApprovalDate = minutes.ApprovedAt is { } at ? Domain.Common.SwedishTime.LocalDate(at) : minutes.PlannedApprovalDate,
            Paragraphs = extractSection is { } only ? $"§ {only}" : $"§ {minutes.FirstNumber} – {minutes.LastNumber}",
            SignedBy = signedBy,
            Proof = proof,
            Contents = prints.Select(p => new TocLine(p.Number, p.Title, pages?.GetValueOrDefault(p.Number))).ToList(),
            Presentations = extractSection is null ? minutes.Presentations : [],
            Sections = prints,
            DecisionIntro = $"{minutes.OrganName} beslutar",
            Certification = certification,
        };
    }

    /// <summary>A correction's print once written: with signature lines until justerad, then with who signed and the anslag's dates.</summary>
    public static CorrectionDocumentModel BuildCorrection(MeetingMinutes minutes, Correction correction, string? municipality, NoticeProof? proof = null)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        ArgumentNullException.ThrowIfNull(correction);
        var signedBy = correction.ApprovedAt is null
            ? []
            : minutes.Approvals.Where(a => a.CorrectionId == correction.Id).OrderBy(a => a.Role).ThenBy(a => a.ApprovedAt)
                .Select(a => $"{(a.Role == SignerRole.Chair ? "Ordförande" : "Justerande")} – {a.Name}").ToList();
        return BuildCorrection(minutes, correction.Number, correction.Section, correction.Text, correction.CreatedBy, correction.CreatedAt, municipality) with
        {
            SignedBy = signedBy,
            Proof = proof,
        };
    }

    /// <summary>The print of correction number <paramref name="number"/> as the signers will approve it (before it is recorded).</summary>
    public static CorrectionDocumentModel BuildCorrection(
        MeetingMinutes minutes, int number, int? section, string text, string writtenBy, DateTimeOffset writtenAt, string? municipality)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        string Name(Guid id) => minutes.Attendees.FirstOrDefault(a => a.PersonId == id)?.DisplayName ?? "(okänd)";
        return new CorrectionDocumentModel
        {
            Municipality = municipality,
            Title = Correction.TitleFor(number, section),
            OrganName = minutes.OrganName,
            MeetingDate = minutes.MeetingDate,
            MinutesApprovedOn = minutes.ApprovedAt is { } at ? Domain.Common.SwedishTime.LocalDate(at) : null,
            Paragraphs = $"§ {minutes.FirstNumber} – {minutes.LastNumber}",
            Concerns = section is { } n ? HeadingText(n, minutes.Section(n).Title) : "Protokollet i sin helhet",
            Text = Correction.Normalised(text),
            WrittenBy = writtenBy,
            WrittenOn = Domain.Common.SwedishTime.LocalDate(writtenAt),
            Chair = minutes.ChairId is { } chair ? Name(chair) : null,
            Adjusters = minutes.Adjusters.Select(Name).ToList(),
        };
    }

    /// <summary>The text a § heading starts with in the print; the page finder looks for it (without spaces) to number the contents.</summary>
    public static string HeadingText(int number, string title) => $"§ {number} – {title}";

    private static SectionPrint Section(MeetingMinutes minutes, MinutesSection s, MinutesPrintKind kind, Func<Guid, string> name)
    {
        var adjournment = minutes.Adjournments.Where(a => a.AfterSection == s.Number).OrderBy(a => a.From)
            .Select(a => $"Sammanträdet ajourneras kl. {a.From.ToString("HH.mm", Invariant)}–{a.To.ToString("HH.mm", Invariant)}.")
            .FirstOrDefault();
        if (kind == MinutesPrintKind.Public && s.SecrecyProvision is { } provision)
        {
            return new SectionPrint
            {
                Number = s.Number,
                Title = SecretTitle,
                CaseNumber = s.CaseNumber,
                Placeholder = $"Paragrafen innehåller uppgifter som omfattas av sekretess enligt {provision} och visas inte i den offentliga versionen av protokollet.",
                AdjournmentAfter = adjournment,
            };
        }

        var serving = minutes.ServingIn(s.Number);
        return new SectionPrint
        {
            Number = s.Number,
            Title = s.Title,
            CaseNumber = s.CaseNumber,
            AttendanceNotes = minutes.Changes.Where(c => c.FromSection == s.Number).OrderBy(c => c.Order).Select(c => Change(c, name)).ToList(),
            Disqualifications = s.Disqualifications.Select(d =>
                $"{name(d.PersonId)} anmäler jäv och deltar inte i handläggningen av ärendet."
                + (d.SubstituteId is { } sub ? $" {name(sub)} tjänstgör i stället." : string.Empty)).ToList(),
            QuorumNote = s.QuorumMet ? null : $"Nämnden är inte beslutför i paragrafen: {serving.Count} av {minutes.Seats} ledamöter tjänstgör.",
            Presenter = s.Presenter,
            Decisions = s.Decisions,
            DecisionBasis = s.DecisionBasis,
            Proposals = s.StandingProposals.Select(p => $"{name(p.PersonId)} yrkar {ProposalText(p)}").ToList(),
            PropositionOrder = s.PropositionOrder,
            Votes = s.Votes.Select(v => Vote(v, name)).ToList(),
            Reservations = s.Reservations.Select(r => $"{name(r.PersonId)} reserverar sig mot beslutet" + (r.Reasons is { } reasons ? $": {reasons}" : ".")).ToList(),
            Notes = s.Notes.Select(n => n.PersonId is { } who ? $"{name(who)} lämnar följande protokollsanteckning: {n.Text}" : n.Text).ToList(),
            AccountHtml = s.AccountHtml,
            SendTo = s.SendTo,
            Appeal = s.Appeal switch
            {
                AppealKind.LegalityReview => "Beslutet kan överklagas genom laglighetsprövning enligt 13 kap. kommunallagen. Överklagandet ska ha kommit in till förvaltningsrätten inom tre veckor från den dag då justeringen av protokollet tillkännagavs på kommunens anslagstavla.",
                AppealKind.AdministrativeAppeal => "Beslutet kan överklagas enligt 40–47 §§ förvaltningslagen. Överklagandet ska ha kommit in till nämnden inom tre veckor från den dag då den som överklagar fick del av beslutet.",
                _ => null,
            },
            ImmediatelyApproved = s.ImmediatelyApprovedAt is not null,
            AdjournmentAfter = adjournment,
        };
    }

    private static string Change(AttendanceChange c, Func<Guid, string> name)
    {
        var at = c.At is { } time ? $" kl. {time.ToString("HH.mm", Invariant)}" : string.Empty;
        return c.Kind switch
        {
            AttendanceChangeKind.Arrives => $"{name(c.PersonId)} ankommer{at}" + (c.ServesFor is { } f ? $" och tjänstgör för {name(f)}" : string.Empty) + " från och med denna paragraf.",
            AttendanceChangeKind.Leaves => $"{name(c.PersonId)} lämnar sammanträdet{at} före denna paragraf.",
            AttendanceChangeKind.StartsServing => $"{name(c.PersonId)} tjänstgör för {name(c.ServesFor!.Value)} från och med denna paragraf{at}.",
            AttendanceChangeKind.StopsServing => $"{name(c.PersonId)} går ur tjänstgöring från och med denna paragraf{at}.",
            _ => string.Empty,
        };
    }

    private static string ProposalText(Proposal p)
    {
        var text = p.Text.Length > 0 ? $": {p.Text}" : ".";
        return p.Kind switch
        {
            ProposalKind.Approve => "bifall till förslaget" + text,
            ProposalKind.Reject => "avslag på förslaget" + text,
            ProposalKind.Amend => "ändring" + text,
            ProposalKind.Add => "tillägg" + text,
            ProposalKind.Refer => "återremiss" + text,
            ProposalKind.Postpone => "bordläggning" + text,
            _ => text,
        };
    }

    private static VotePrint Vote(VoteRecord v, Func<Guid, string> name)
    {
        var lines = v.Ballots.Select(b => (name(b.PersonId), b.Ballot switch { Ballot.Ja => "Ja", Ballot.Nej => "Nej", _ => "Avstår" }))
            .OrderBy(l => l.Item1, StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), false)).ToList();
        var counts = $"{v.JaCount} ja-röster, {v.NejCount} nej-röster och {v.AbstainCount} som avstår";
        var winner = v.Winner == Ballot.Ja ? v.JaMeans : v.NejMeans;
        var result = v.DecidedBy switch
        {
            VoteDecision.CastingVote => $"Omröstningen ger {counts}. Röstetalet är lika och ordförandens utslagsröst avgör: nämnden beslutar enligt {winner}.",
            VoteDecision.Lot => $"Valet ger {counts}. Röstetalet är lika och lotten avgör: {winner}.",
            _ => $"Med {counts} beslutar nämnden enligt {winner}.",
        };
        return new VotePrint(v.IsElection ? (v.Secret ? "Val med slutna sedlar" : "Val") : "Omröstning", v.JaMeans, v.NejMeans, lines, result);
    }
}
