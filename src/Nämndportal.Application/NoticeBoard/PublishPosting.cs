using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.NoticeBoard;

namespace Nämndportal.Application.NoticeBoard;

/// <summary>
/// Puts a meeting's kallelse on the anslagstavla: what the sending of a kallelse calls once the public pack is rendered.
/// </summary>
/// <param name="MeetingId">The meeting announced.</param>
/// <param name="PublicFileId">The public kallelse pack (a non-secret produced file), if there is one.</param>
/// <param name="AgendaLines">The public titles of the agenda items, in order.</param>
/// <param name="LateReason">Why fullmäktige's kallelse goes up less than seven days before the meeting (rule 3).</param>
public sealed record PublishPosting(Guid MeetingId, Guid? PublicFileId, IReadOnlyList<string> AgendaLines, string? LateReason = null);

/// <param name="ReplacedPostingId">The earlier kallelse of the same meeting this one replaced, if any.</param>
public sealed record PublishedPosting(Guid PostingId, Guid? ReplacedPostingId);

public sealed class PublishPostingValidator : AbstractValidator<PublishPosting>
{
    public PublishPostingValidator()
    {
        RuleFor(x => x.AgendaLines).NotNull().Must(l => l.Count <= 200).WithMessage("Föredragningslistan får ha högst 200 punkter.");
        RuleForEach(x => x.AgendaLines).MaximumLength(300).WithMessage("En punkts offentliga rubrik får ha högst 300 tecken.");
        RuleFor(x => x.LateReason).MaximumLength(1000).WithMessage("Skälet får vara högst 1 000 tecken.");
    }
}

/// <summary>
/// The kallelse of one meeting on the board, by the organ's nämndsekreterare or an administrator (ManageOrgan). Rules 2
/// and 3 are the domain's (<see cref="Posting.ForKallelse"/>). A kallelse already on the board for the meeting is replaced
/// and kept as history. The public file must exist and hold no secret material: the anonymous file endpoint serves it.
/// </summary>
public sealed class PublishPostingHandler(
    IAppDbContextFactory dbFactory, AccessService access, ICurrentUser user, TimeProvider clock, IValidator<PublishPosting> validator,
    IPublicPageCache publicPages)
{
    public Task<Result<PublishedPosting>> HandleAsync(PublishPosting request, CancellationToken cancellationToken = default) =>
        PublishAsync(request, null, cancellationToken);

    /// <summary>
    /// For <see cref="Meetings.SendNoticeJob"/> only: a background job has no signed-in user, and the send was authorised when
    /// the secretary sent it (<see cref="Meetings.SendNoticeHandler"/> checks ManageOrgan). Publishes without checking the
    /// current user, recording <paramref name="senderName"/> as who published it. Rules 2 and 3 are checked as always.
    /// </summary>
    internal Task<Result<PublishedPosting>> PublishForSendAsync(PublishPosting request, string senderName, CancellationToken cancellationToken = default) =>
        PublishAsync(request, senderName, cancellationToken);

    private async Task<Result<PublishedPosting>> PublishAsync(PublishPosting request, string? authorisedSender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Error.Validation(validation);
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == request.MeetingId, cancellationToken);
        if (meeting is null || (authorisedSender is null && !await access.CanAsync(Operation.ManageOrgan, meeting.OrganId, null, cancellationToken)))
        {
            return Error.NotFound("Sammanträdet");
        }

        var organ = await db.Organs.AsNoTracking().SingleAsync(o => o.Id == meeting.OrganId, cancellationToken);
        if (request.PublicFileId is { } fileId
            && !await db.StoredFiles.AnyAsync(f => f.Id == fileId && !f.ContainsSecret, cancellationToken))
        {
            return Error.Invalid("Den offentliga filen finns inte eller innehåller sekretessmarkerat material och kan inte sättas upp på anslagstavlan.");
        }

        var now = clock.GetUtcNow();
        var by = authorisedSender ?? user.UserName ?? "system";
        Posting posting;
        try
        {
            posting = Posting.ForKallelse(
                organ, meeting, request.AgendaLines, request.PublicFileId, SwedishTime.LocalDate(now), now, by, request.LateReason);
        }
        catch (DomainException e)
        {
            return Error.Invalid(e.Message);
        }

        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var earlier = await db.Postings
            .Where(p => p.MeetingId == meeting.Id && p.Kind == PostingKind.Kallelse && p.ReplacedAt == null && p.TakenDownAt == null)
            .SingleOrDefaultAsync(cancellationToken);
        try
        {
            // The earlier one leaves the board first: one kallelse of a meeting is on the board at a time (a unique index).
            if (earlier is not null)
            {
                earlier.Replace(posting, now, by);
                await db.SaveChangesAsync(cancellationToken);
            }

            db.Postings.Add(posting);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return new Error("conflict", "Kallelsen sattes just upp på anslagstavlan av någon annan. Ladda om sidan och försök igen.");
        }

        await publicPages.EvictAsync(cancellationToken);

        return Result<PublishedPosting>.Ok(new PublishedPosting(posting.Id, earlier?.Id));
    }
}
