using FluentValidation;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Meetings;

namespace Nämndportal.Application.Meetings;

/// <summary>A new feed of the signed-in user: one organ's meetings, or (no organ) their own meetings.</summary>
public sealed record CreateCalendarFeed(Guid? OrganId);

/// <summary>The new feed and its token. The token is not stored: this is the only time it can be shown.</summary>
public sealed record CreatedCalendarFeed(Guid Id, string Token);

public sealed class CreateCalendarFeedValidator : AbstractValidator<CreateCalendarFeed>
{
    public CreateCalendarFeedValidator()
    {
        RuleFor(r => r.OrganId).NotEqual(Guid.Empty).WithMessage("Välj ett organ eller Mina sammanträden.");
    }
}

public sealed class CreateCalendarFeedHandler(
    IAppDbContextFactory dbFactory, AccessService access, ICurrentUser user, IValidator<CreateCalendarFeed> validator)
{
    public async Task<Result<CreatedCalendarFeed>> HandleAsync(CreateCalendarFeed request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Error.Validation(validation);
        }

        if (!user.IsAuthenticated || user.UserId is not { } me)
        {
            return Error.Forbidden();
        }

        if (request.OrganId is { } organId && !await access.CanAsync(Operation.ReadHandlingar, organId, cancellationToken: cancellationToken))
        {
            return Error.NotFound("Organet");
        }

        var (feed, token) = CalendarFeed.Create(me, request.OrganId);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        db.CalendarFeeds.Add(feed);
        await db.SaveChangesAsync(cancellationToken);
        return Result<CreatedCalendarFeed>.Ok(new CreatedCalendarFeed(feed.Id, token));
    }
}
