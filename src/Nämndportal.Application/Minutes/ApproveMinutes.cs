using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Nämndportal.Application.Common;
using Nämndportal.Application.NoticeBoard;
using Nämndportal.Application.Pdf;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Files;
using Nämndportal.Domain.Minutes;
using Nämndportal.Domain.NoticeBoard;

namespace Nämndportal.Application.Minutes;

/// <summary>
/// A signer (the chair or a justerare) approves the protokoll out for justering: the signing provider proves password and
/// a fresh second factor now, and the approval records who, when and the SHA-256 of the print they approved, which must
/// be the one out for justering (rules 12, 13, 27). The last signature justerar the protokoll, and in the same save: the
/// justerat print (with "Protokollet har signerats digitalt av …" and Bevis om anslagsdag) and its PDF/A-2b rendition are
/// kept, the anslag goes up today with its computed take-down day (rules 15, 16), and each decided case gets "Beslutat vid
/// … §" on its timeline and the status Beslutat.
/// </summary>
public sealed record ApproveMinutes(Guid MinutesId, uint Version, string Sha256, string Password, string Code);

public sealed record ApprovalOutcome(uint Version, bool Justerat);

public sealed class ApproveMinutesHandler(
    IAppDbContextFactory dbFactory,
    AccessService access,
    ICurrentUser user,
    ISigningProvider signing,
    MinutesJustering justering,
    TimeProvider clock,
    IPublicPageCache publicPages,
    ILogger<ApproveMinutesHandler> logger)
{
    public async Task<Result<ApprovalOutcome>> HandleAsync(ApproveMinutes request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var outcome = await MinutesSigning.SignAsync(
            dbFactory, access, user, signing, clock, request.MinutesId, request.Version, request.Sha256, request.Password, request.Code,
            async (db, signer, now) =>
            {
                var justerat = signer.Minutes.Approve(signer.PersonId, signer.UserId, now, signer.Authentication, request.Sha256, signing.Name);
                if (justerat)
                {
                    await justering.CompleteAsync(db, signer.Minutes, now, user.UserName ?? "system", cancellationToken);
                }

                return justerat;
            }, cancellationToken);
        if (outcome.Value is { Justerat: true })
        {
            // The protokoll's anslag went up.
            await publicPages.EvictAsync(cancellationToken);
            logger.LogInformation("Protokoll {MinutesId} justerat", request.MinutesId);
        }

        return outcome;
    }

    /// <summary>For each § with a case: "Beslutat vid … §" on its timeline, and its status moved to what the § did.</summary>
    public static async Task DecideCasesAsync(
        IAppDbContext db, MeetingMinutes minutes, IEnumerable<MinutesSection> sections, DateTimeOffset now, string actor, CancellationToken cancellationToken)
    {
        var withCase = sections.Where(s => s.CaseId is not null).ToList();
        var caseIds = withCase.Select(s => s.CaseId!.Value).ToList();
        var cases = await db.Cases.Where(c => caseIds.Contains(c.Id)).ToListAsync(cancellationToken);
        foreach (var section in withCase)
        {
            var @case = cases.Single(c => c.Id == section.CaseId);
            db.CaseEvents.Add(CaseEvent.Decided(@case.Id, now, actor, minutes.MeetingId, section.Number));
            var outcome = Outcome(section);
            if (@case.Status != outcome && @case.CanMoveTo(outcome))
            {
                var from = @case.Status;
                @case.MoveTo(outcome);
                db.CaseEvents.Add(CaseEvent.StatusChanged(@case.Id, now, actor, from, outcome, minutes.MeetingId));
            }
        }

        // An answer to a granskningsrapport is decided with its case's § (issue 13: linked both ways).
        var answers = await db.AuditAnswers.Where(a => caseIds.Contains(a.CaseId) && a.SectionId == null).ToListAsync(cancellationToken);
        foreach (var answer in answers)
        {
            var section = withCase.First(s => s.CaseId == answer.CaseId);
            if (Outcome(section) == CaseStatus.Beslutat)
            {
                answer.Decide(section.Id, $"{minutes.OrganName} {minutes.MeetingDate:yyyy-MM-dd} § {section.Number}");
            }
        }
    }

    /// <summary>What the § did with its case: sent back, postponed, or (otherwise) decided — read from its first att-sats.</summary>
    public static CaseStatus Outcome(MinutesSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var first = section.Decisions.FirstOrDefault()?.TrimStart() ?? string.Empty;
        return first.StartsWith("återremittera", StringComparison.OrdinalIgnoreCase) ? CaseStatus.Aterremitterat
            : first.StartsWith("bordlägga", StringComparison.OrdinalIgnoreCase) ? CaseStatus.Bordlagt
            : CaseStatus.Beslutat;
    }
}
