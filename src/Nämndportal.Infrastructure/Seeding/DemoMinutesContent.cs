using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nämndportal.Application.Common;
using Nämndportal.Application.Minutes;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Files;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.Minutes;
using Nämndportal.Infrastructure.Identity;
using System.Security.Cryptography;

namespace Nämndportal.Infrastructure.Seeding;

/// <summary>
/// Omsorgsnämnden's protokoll (issue 11), seeded once: the meeting three weeks ago, held and justerat — a vote with a
/// reservation, a jäv with an ersättare serving, an adjournment, a closed § that the public version shows as a
/// placeholder — with its anslag up on the anslagstavla, its public version published and a justerad rättelse of one § with
/// its own anslag; and an extra meeting a few days ago whose protokoll the chair has signed and that waits for Lars Ledamot as justerare. The protokoll are drafted with the
/// portal's own use case and written through the domain, with the times of the meeting; the signatures are recorded as the
/// demo's (the chair and Lars sign with a known authenticator key, printed by dev.sh).
/// </summary>
public sealed class DemoMinutesContent(
    IServiceProvider services, IAppDbContextFactory dbFactory, UserManager<ApplicationUser> users, IUserStore<ApplicationUser> userStore,
    MinutesPdfService pdf, MinutesJustering justering, TimeProvider clock)
{
    private static readonly (string Title, string[] Atts, string Summary, string[] SendTo)[] HeldCases =
    [
        ("Riktlinjer för biståndsbedömning inom hemtjänsten",
            ["anta riktlinjer för biståndsbedömning inom hemtjänsten enligt bilaga", "riktlinjerna gäller från och med den 1 januari"],
            "<p>Riktlinjerna ska ge likvärdiga bedömningar i hela kommunen. De ersätter riktlinjerna från 2019.</p>",
            ["Omsorgsförvaltningen <omsorg@exempelby.se>", "Kommunala pensionärsrådet"]),
        ("Yttrande över medborgarförslag om utegym vid Solgårdens äldreboende",
            ["föreslå kommunfullmäktige att bifalla medborgarförslaget", "uppdra åt förvaltningen att återrapportera i maj"],
            "<p>Förslagsställaren vill att ett utegym anpassat för äldre byggs vid Solgården. Förvaltningen tillstyrker.</p>",
            ["Kommunfullmäktige <kommun@exempelby.se>", "Förslagsställaren"]),
        ("Yttrande i ärende om bistånd enligt socialtjänstlagen",
            ["avge yttrande till förvaltningsrätten enligt förvaltningens förslag"],
            "<p>Den enskilde har överklagat beslutet om avslag på ansökan om särskilt boende.</p>",
            ["Förvaltningsrätten i Växjö"]),
    ];

    private static readonly (string Title, string[] Atts, string Summary, string[] SendTo) ExtraCase =
        ("Yttrande över remiss om regional plan för äldreomsorgen",
            ["avge yttrande över remissen enligt förvaltningens förslag"],
            "<p>Regionen har remitterat ett förslag till gemensam plan för vård och omsorg om äldre 2027–2030.</p>",
            ["Region Exempel <registrator@region-exempel.se>"]);

    /// <summary>The cases the demo protokoll decide (and the extra meeting's, still to be justerat).</summary>
    public static IReadOnlyList<string> CaseTitles => [.. HeldCases.Select(c => c.Title), ExtraCase.Title];

    public async Task<bool> AddAsync(CancellationToken cancellationToken = default)
    {
        await using (var check = await dbFactory.CreateAsync(cancellationToken))
        {
            if (await check.MeetingMinutes.AnyAsync(cancellationToken))
            {
                return false;
            }
        }

        if (await users.FindByEmailAsync(DemoUsers.All.Single(u => u.Role == Roles.Secretary).Email) is not { } secretary)
        {
            return false;
        }

        await SetSigningKeysAsync(cancellationToken);
        var today = SwedishTime.LocalDate(clock.GetUtcNow());
        var actor = new DemoActor(secretary.Id, secretary.UserName!, await users.GetRolesAsync(secretary));
        var access = ActivatorUtilities.CreateInstance<AccessService>(services, actor);
        var draft = ActivatorUtilities.CreateInstance<DraftMinutesHandler>(services, access, actor);

        // Earlier meetings this year used § 1–96 (as an October meeting may hold § 61–65): the demo continues the series.
        await using (var db = await dbFactory.CreateAsync(cancellationToken))
        {
            var omn = await db.Organs.SingleAsync(o => o.ShortName == "OMN", cancellationToken);
            await db.TakeNumbersAsync(NumberSeriesKeys.Paragraphs(omn.ParagraphSeries), today.AddDays(-21).Year, 0, atLeast: 96, cancellationToken);
        }

        var held = await PrepareMeetingAsync(today.AddDays(-21), null, HeldCases, withInformation: true, cancellationToken);
        var heldId = Check(await draft.HandleAsync(new DraftMinutes(held), cancellationToken));
        await WriteHeldAsync(heldId, cancellationToken);

        var extra = await PrepareMeetingAsync(today.AddDays(-4), "Kommunhuset, sammanträdesrum Eken", [ExtraCase], withInformation: false, cancellationToken);
        var extraId = Check(await draft.HandleAsync(new DraftMinutes(extra), cancellationToken));
        await WriteExtraAsync(extraId, cancellationToken);
        return true;
    }

    /// <summary>The chair (sara.westerlund@) and Lars (ledamot@) sign with a known authenticator key; their login asks no code.</summary>
    private async Task SetSigningKeysAsync(CancellationToken cancellationToken)
    {
        foreach (var (email, key) in new[] { (DemoUsers.ChairEmail, DemoUsers.ChairAuthenticatorKey), ("ledamot@exempelby.se", DemoUsers.MemberAuthenticatorKey) })
        {
            if (await users.FindByEmailAsync(email) is { } user)
            {
                await ((IUserAuthenticatorKeyStore<ApplicationUser>)userStore).SetAuthenticatorKeyAsync(user, key, cancellationToken);
                await users.UpdateAsync(user);
            }
        }
    }

    /// <summary>An Omsorgsnämnden meeting on <paramref name="day"/> (the one planned there, or a new extra meeting) with cases decided in it.</summary>
    private async Task<Guid> PrepareMeetingAsync(
        DateOnly day, string? extraPlace, IReadOnlyList<(string Title, string[] Atts, string Summary, string[] SendTo)> decisions, bool withInformation,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var omn = await db.Organs.SingleAsync(o => o.ShortName == "OMN", cancellationToken);
        var from = SwedishTime.FromLocal(day, TimeOnly.MinValue);
        var to = SwedishTime.FromLocal(day.AddDays(1), TimeOnly.MinValue);
        var meeting = extraPlace is null
            ? await db.Meetings.Include("_items").SingleAsync(m => m.OrganId == omn.Id && m.StartsAt >= from && m.StartsAt < to, cancellationToken)
            : null;
        if (meeting is null)
        {
            meeting = new Meeting(omn.Id, SwedishTime.FromLocal(day, new TimeOnly(15, 0)), SwedishTime.FromLocal(day, new TimeOnly(16, 0)), extraPlace!);
            meeting.AddItem(AgendaItemKind.Standard, "Val av justerare");
            db.Meetings.Add(meeting);
        }

        if (withInformation)
        {
            var info = meeting.AddItem(AgendaItemKind.Information, "Verksamhetsinformation: sommaren i äldreomsorgen");
            meeting.UpdateItem(info.Id, info.Title, null, "Verksamhetschef Eva Exempel", null, false);
        }

        var officer = await db.OrganOfficials.Where(o => o.OrganId == omn.Id && o.Function == Domain.Organisation.OfficialFunction.Handlaggare)
            .Select(o => (Guid?)o.UserId).FirstOrDefaultAsync(cancellationToken);
        foreach (var (title, atts, summary, sendTo) in decisions)
        {
            var registered = day.AddDays(-40);
            var sequence = await db.NextCaseSequenceAsync(omn.CaseNumberPrefix, registered.Year, null, cancellationToken);
            var number = CaseNumberFormat.Parse(omn.CaseNumberPattern).Format(omn.CaseNumberPrefix, registered.Year, sequence);
            var @case = new Case(omn.Id, omn.CaseNumberPrefix, registered.Year, sequence, number, title, registered, officer);
            db.CaseEvents.Add(CaseEvent.Registered(@case.Id, SwedishTime.FromLocal(registered, new TimeOnly(9, 0)), "registrator@exempelby.se"));
            foreach (var next in new[] { CaseStatus.UnderBeredning, CaseStatus.KlartForBeslut, CaseStatus.PaForedragningslista })
            {
                @case.MoveTo(next);
            }

            db.Cases.Add(@case);
            var report = new OfficerReport(@case.Id);
            report.Write(atts, summary, summary, [], [], sendTo, title);
            report.Sign("Omsorgsförvaltningen", "Hanna Handläggare", "Utredare", "handlaggare@exempelby.se", "0123-45 67 20", day.AddDays(-20));
            db.OfficerReports.Add(report);
            var item = meeting.AddItem(AgendaItemKind.Decision, title, @case.Id, number);
            if (title.Contains("bistånd", StringComparison.Ordinal) && title.StartsWith("Yttrande i", StringComparison.Ordinal))
            {
                meeting.UpdateItem(item.Id, title, "Yttrande i mål om bistånd", null, null, isClosed: true);
            }
        }

        // The order of a real agenda: the opening standard items, information, the decisions, then the reports.
        var items = meeting.Items;
        var opening = items.Where(i => i.Title is "Val av justerare" or "Anmälan av extra ärenden");
        var closing = items.Where(i => i.Kind == AgendaItemKind.Standard && i.Title is not ("Val av justerare" or "Anmälan av extra ärenden"));
        meeting.Reorder(opening.Concat(items.Where(i => i.Kind != AgendaItemKind.Standard)).Concat(closing).Select(i => i.Id).ToList());
        meeting.RecordNoticeSent(meeting.NoticeVersionNumber + 1);
        meeting.Open();
        meeting.Close();
        await db.SaveChangesAsync(cancellationToken);
        return meeting.Id;
    }

    private async Task WriteHeldAsync(Guid minutesId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var minutes = await db.MeetingMinutes.Include("_sections").SingleAsync(m => m.Id == minutesId, cancellationToken);
        var meeting = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == minutes.MeetingId, cancellationToken);
        var start = meeting.StartsAt;
        var members = minutes.Attendees.Where(a => a.Kind == AttendeeKind.Member).ToList();
        var substitutes = minutes.Attendees.Where(a => a.Kind == AttendeeKind.Substitute).ToList();
        var chair = members.Single(a => a.Role == "Ordförande");
        var absent = members.Single(a => a.Role == "2:e vice ordförande");
        var stepIn = substitutes.First(s => s.Party == absent.Party);
        var javig = members.Single(a => a.Role == "1:e vice ordförande");
        var javSubstitute = substitutes.First(s => s.Party == javig.Party);
        var adjuster = members.Single(a => a.Name == "Lars Ledamot");

        minutes.RecordOpened(start.AddMinutes(-5));
        foreach (var a in members.Where(a => a != absent))
        {
            minutes.SetPresence(a.PersonId, true, null);
        }

        foreach (var s in substitutes.Where(s => s != stepIn).Take(4))
        {
            minutes.SetPresence(s.PersonId, true, null);
        }

        minutes.SetPresence(javSubstitute.PersonId, true, null);
        minutes.SetPresence(stepIn.PersonId, true, absent.PersonId);
        minutes.AddParticipant(AttendeeKind.Official, "Eva Exempel", "verksamhetschef");
        minutes.AddParticipant(AttendeeKind.Official, "Hanna Handläggare", "utredare");
        minutes.SetSigners(chair.PersonId, [adjuster.PersonId]);

        var sections = minutes.Sections;
        var first = sections[0].Number;
        minutes.WriteSection(first, sections[0].Title, [$"utse {adjuster.Name} att jämte ordföranden justera protokollet"], null, null, null, null, AppealKind.None, null, false);
        var guidelines = sections.Single(s => s.Title.StartsWith("Riktlinjer", StringComparison.Ordinal));
        var sd = minutes.ServingIn(guidelines.Number).Where(id => minutes.Attendee(id).Party == "SD").ToList();
        var s1 = members.First(a => a.Party == "S" && a != chair);
        minutes.AddProposal(guidelines.Number, s1.PersonId, ProposalKind.Approve, null);
        minutes.AddProposal(guidelines.Number, sd[0], ProposalKind.Reject, "att avslå förslaget till riktlinjer");
        var withdrawn = minutes.AddProposal(guidelines.Number, members.First(a => a.Party == "KD").PersonId, ProposalKind.Refer, "att återremittera ärendet");
        minutes.WithdrawProposal(guidelines.Number, withdrawn);
        minutes.WriteSection(guidelines.Number, guidelines.Title, guidelines.Decisions, guidelines.DecisionBasis, guidelines.AccountHtml, guidelines.SendTo,
            $"Ordföranden ställer proposition på {s1.Name}s bifallsyrkande och {minutes.Attendee(sd[0]).Name}s avslagsyrkande och finner att nämnden bifaller förslaget. Votering begärs och verkställs.",
            AppealKind.LegalityReview, null, false);
        var ballots = minutes.ServingIn(guidelines.Number).ToDictionary(id => id, id => minutes.Attendee(id).Party switch
        {
            "SD" => Ballot.Nej,
            "V" => Ballot.Avstar,
            _ => Ballot.Ja,
        });
        minutes.RecordOpenVote(guidelines.Number, "bifall till förvaltningens förslag", "bifall till avslagsyrkandet", ballots);
        foreach (var id in sd)
        {
            minutes.Reserve(guidelines.Number, id, start.AddMinutes(70), "till förmån för eget yrkande");
        }

        minutes.AddAdjournment(guidelines.Number, new TimeOnly(14, 10), new TimeOnly(14, 25));
        var proposal = sections.Single(s => s.Title.StartsWith("Yttrande över medborgarförslag", StringComparison.Ordinal));
        minutes.SetDisqualified(proposal.Number, javig.PersonId, javSubstitute.PersonId);
        minutes.AddNote(proposal.Number, members.First(a => a.Party == "V").PersonId, "Vänsterpartiet vill att utegymmet byggs så att det kan användas även av boende med rollator.");
        var closed = sections.Single(s => s.SecrecyProvision is not null);
        minutes.WriteSection(closed.Number, closed.Title, closed.Decisions, closed.DecisionBasis, closed.AccountHtml, closed.SendTo, null, AppealKind.None, closed.SecrecyProvision, false);
        foreach (var s in sections.Where(s => s.Kind == SectionKind.Standard && s.Number != first && s.Decisions.Count == 0))
        {
            string[] decision = s.Title.StartsWith("Redovisning", StringComparison.Ordinal)
                ? ["lägga redovisningen till handlingarna"]
                : ["konstatera att inga extra ärenden har anmälts"];
            minutes.WriteSection(s.Number, s.Title, decision, null, null, null, null, AppealKind.None, null, false);
        }

        minutes.SetDetails(minutes.Place, minutes.SecretaryName, minutes.MeetingDate.AddDays(3), "Omsorgsförvaltningen, Kommunhuset");
        minutes.RecordClosed(start.AddMinutes(150));

        // Sent for justering the next day, signed by the chair and the justerare two days after that.
        var submitted = start.AddDays(1);
        var print = await pdf.RenderAsync(minutes, MinutesPrintKind.Full, cancellationToken: cancellationToken);
        var sha = Convert.ToHexStringLower(SHA256.HashData(print));
        var file = StoredFile.ForMinutes(MinutesPdfService.FileName(minutes, " (för justering)"), print, minutes.Id, StoredFileSource.Minutes, containsSecret: true);
        db.StoredFiles.Add(file);
        minutes.SubmitForApproval(file.Id, sha, submitted);
        var approvedAt = SwedishTime.FromLocal(minutes.MeetingDate.AddDays(3), new TimeOnly(10, 0));
        var chairUser = await UserIdAsync(DemoUsers.ChairEmail);
        minutes.Approve(chair.PersonId, chairUser, approvedAt.AddMinutes(-30), Demo(approvedAt.AddMinutes(-31)), sha, PortalSigningProvider.ProviderName);
        minutes.Approve(adjuster.PersonId, await UserIdAsync("ledamot@exempelby.se"), approvedAt, Demo(approvedAt.AddMinutes(-1)), sha, PortalSigningProvider.ProviderName);
        await justering.CompleteAsync(db, minutes, approvedAt, "sekreterare@exempelby.se", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        // Reviewed and published the same day: the closed § as a placeholder.
        var document = MinutesDocumentBuilder.Build(minutes, MinutesPrintKind.Public, null);
        var posting = await db.Postings.SingleAsync(p => p.Id == minutes.PostingId, cancellationToken);
        var publicPrint = await pdf.RenderAsync(minutes, MinutesPrintKind.Public,
            new NoticeProof(minutes.MeetingDate, posting.ApprovedOn!.Value, posting.UpOn, posting.DownOn, posting.KeptAt!), cancellationToken: cancellationToken);
        var publicFile = StoredFile.ForMinutes(MinutesPdfService.FileName(minutes, " (offentlig version)"), publicPrint, minutes.Id, StoredFileSource.MinutesPublic, false);
        db.StoredFiles.Add(publicFile);
        minutes.Publish(publicFile.Id, reviewed: true, PublicMinutesText.Findings(document), null, "sekreterare@exempelby.se", approvedAt.AddHours(2));
        posting.AttachPublicFile(publicFile.Id);
        await db.SaveChangesAsync(cancellationToken);

        // A week after the meeting the year was found missing in the guidelines' second att-sats: a rättelse (rule 13),
        // signed the next day and announced with its own appeal time. The protokoll itself stays as it was justerat.
        var writtenAt = SwedishTime.FromLocal(minutes.MeetingDate.AddDays(7), new TimeOnly(9, 15));
        var correction = await justering.WriteCorrectionAsync(
            db, minutes, guidelines.Number,
            $"I § {guidelines.Number}, andra att-satsen, har årtalet fallit bort. Att-satsen ska lyda: ”att riktlinjerna gäller från och med den 1 januari {minutes.MeetingDate.Year + 1}”, som i förvaltningens förslag till beslut.",
            minutes.SecretaryName ?? "Nämndsekreteraren", writtenAt, cancellationToken);
        var correctedAt = writtenAt.AddDays(1).AddHours(1);
        minutes.ApproveCorrection(correction.Id, chair.PersonId, chairUser, correctedAt.AddMinutes(-20), Demo(correctedAt.AddMinutes(-21)), correction.Sha256!, PortalSigningProvider.ProviderName);
        minutes.ApproveCorrection(correction.Id, adjuster.PersonId, await UserIdAsync("ledamot@exempelby.se"), correctedAt, Demo(correctedAt.AddMinutes(-1)), correction.Sha256!, PortalSigningProvider.ProviderName);
        await justering.CompleteCorrectionAsync(db, minutes, correction, correctedAt, "sekreterare@exempelby.se", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task WriteExtraAsync(Guid minutesId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var minutes = await db.MeetingMinutes.Include("_sections").SingleAsync(m => m.Id == minutesId, cancellationToken);
        var meeting = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == minutes.MeetingId, cancellationToken);
        var members = minutes.Attendees.Where(a => a.Kind == AttendeeKind.Member).ToList();
        var chair = members.Single(a => a.Role == "Ordförande");
        var lars = members.Single(a => a.Name == "Lars Ledamot");
        minutes.RecordOpened(meeting.StartsAt);
        foreach (var a in members.Take(9))
        {
            minutes.SetPresence(a.PersonId, true, null);
        }

        minutes.SetPresence(lars.PersonId, true, null);
        minutes.SetSigners(chair.PersonId, [lars.PersonId]);
        var first = minutes.Sections[0];
        minutes.WriteSection(first.Number, first.Title, [$"utse {lars.Name} att jämte ordföranden justera protokollet"], null, null, null, null, AppealKind.None, null, false);
        minutes.SetDetails(minutes.Place, minutes.SecretaryName, minutes.MeetingDate.AddDays(5), "Omsorgsförvaltningen, Kommunhuset");
        minutes.RecordClosed(meeting.StartsAt.AddMinutes(40));
        var print = await pdf.RenderAsync(minutes, MinutesPrintKind.Full, cancellationToken: cancellationToken);
        var sha = Convert.ToHexStringLower(SHA256.HashData(print));
        var file = StoredFile.ForMinutes(MinutesPdfService.FileName(minutes, " (för justering)"), print, minutes.Id, StoredFileSource.Minutes, containsSecret: false);
        db.StoredFiles.Add(file);
        var submitted = meeting.StartsAt.AddHours(20);
        minutes.SubmitForApproval(file.Id, sha, submitted);
        minutes.Approve(chair.PersonId, await UserIdAsync(DemoUsers.ChairEmail), submitted.AddHours(2), Demo(submitted.AddHours(2).AddMinutes(-1)), sha, PortalSigningProvider.ProviderName);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A signature recorded by the demo seeding, named as such in the approval.</summary>
    private static StrongAuthentication Demo(DateTimeOffset at) => new(at, SecondFactor: true, "Lösenord och engångskod (demodata)");

    private async Task<Guid> UserIdAsync(string email) => (await users.FindByEmailAsync(email))?.Id ?? Guid.Empty;

    private static T Check<T>(Result<T> result) =>
        result.Succeeded ? result.Value! : throw new InvalidOperationException("Demo protokoll: " + result.Error!.Message);
}
