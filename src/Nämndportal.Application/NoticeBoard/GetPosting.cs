using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.NoticeBoard;

namespace Nämndportal.Application.NoticeBoard;

/// <summary>One notice of the anslagstavla, current or earlier.</summary>
public sealed record GetPosting(Guid Id);

/// <param name="IsUp">On the board today.</param>
/// <param name="HasFile">A public file can be downloaded now (only while the notice is up).</param>
/// <param name="ReplacedByPostingId">The re-issued kallelse that replaced this one.</param>
public sealed record PostingDetails(
    Guid Id, PostingKind Kind, string Title, string OrganName, DateTimeOffset? MeetingStartsAt, DateTimeOffset? MeetingEndsAt,
    string? Place, IReadOnlyList<string> AgendaLines, DateOnly UpOn, DateOnly DownOn, DateTimeOffset PublishedAt,
    bool IsUp, bool HasFile, Guid? ReplacedByPostingId)
{
    /// <summary>A protokoll's anslag (rule 15): the justering day, the §§, where the protokoll is kept, how to appeal.</summary>
    public MinutesNotice? Minutes { get; init; }

    /// <summary>How to appeal a delegationsbeslut announced on its own (KL 8:10).</summary>
    public string? AppealInformation { get; init; }
}

/// <param name="PublicVersion">The public version is published and can be read on the anslagstavla.</param>
public sealed record MinutesNotice(Guid MinutesId, DateOnly? MeetingDate, DateOnly ApprovedOn, string? Sections, string? KeptAt, string? AppealInformation, bool PublicVersion, bool IsCorrection = false);

/// <summary>Public: any notice whose day to go up has come. One not yet up answers as an unknown one.</summary>
public sealed class GetPostingHandler(IAppDbContextFactory dbFactory, TimeProvider clock)
{
    public async Task<Result<PostingDetails>> HandleAsync(GetPosting request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var today = SwedishTime.LocalDate(clock.GetUtcNow());
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var p = await db.Postings.AsNoTracking().SingleOrDefaultAsync(x => x.Id == request.Id && x.UpOn <= today, cancellationToken);
        if (p is null)
        {
            return Error.NotFound("Anslaget");
        }

        var isUp = p.IsUpOn(today);
        MinutesNotice? minutes = null;
        if (p is { Kind: PostingKind.Protokoll, MinutesId: { } minutesId, ApprovedOn: { } approvedOn })
        {
            var published = await db.MeetingMinutes.AnyAsync(m => m.Id == minutesId && m.PublicFileId != null, cancellationToken);
            minutes = new MinutesNotice(
                minutesId, p.MeetingStartsAt is { } day ? SwedishTime.LocalDate(day) : null, approvedOn, p.Sections, p.KeptAt, p.AppealInformation, published, p.IsCorrection);
        }

        return Result<PostingDetails>.Ok(new PostingDetails(
            p.Id, p.Kind, p.Title, p.OrganName, p.MeetingStartsAt, p.MeetingEndsAt, p.Place, p.AgendaLines, p.UpOn, p.DownOn,
            p.PublishedAt, isUp, isUp && p.PublicFileId is not null, p.ReplacedByPostingId)
        {
            Minutes = minutes,
            AppealInformation = p.Kind == PostingKind.Delegationsbeslut ? p.AppealInformation : null,
        });
    }
}
