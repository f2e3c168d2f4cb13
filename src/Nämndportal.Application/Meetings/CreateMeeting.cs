using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Meetings;

namespace Nämndportal.Application.Meetings;

/// <summary>The fields of the meeting form, shared by planning a new meeting and moving one.</summary>
public sealed class MeetingSchedule
{
    public DateTime? Date { get; set; }

    public TimeSpan? StartTime { get; set; } = new(13, 0, 0);

    public TimeSpan? EndTime { get; set; }

    public string Place { get; set; } = string.Empty;

    public DateTimeOffset StartsAt => SwedishTime.FromLocal(DateOnly.FromDateTime(Date!.Value), TimeOnly.FromTimeSpan(StartTime!.Value));

    public DateTimeOffset? EndsAt => EndTime is { } end ? SwedishTime.FromLocal(DateOnly.FromDateTime(Date!.Value), TimeOnly.FromTimeSpan(end)) : null;
}

public sealed class MeetingScheduleValidator : AbstractValidator<MeetingSchedule>
{
    public MeetingScheduleValidator()
    {
        RuleFor(x => x.Date).NotNull().WithMessage("Ange datum.");
        RuleFor(x => x.StartTime).NotNull().WithMessage("Ange när sammanträdet börjar.");
        RuleFor(x => x.EndTime).Must((x, end) => end is null || x.StartTime is null || end > x.StartTime)
            .WithMessage("Sammanträdet måste sluta efter att det börjat.");
        RuleFor(x => x.Place).NotEmpty().WithMessage("Ange var sammanträdet hålls.").MaximumLength(200).WithMessage("Platsen får ha högst 200 tecken.");
    }
}

public sealed record CreateMeeting(Guid OrganId, MeetingSchedule Schedule);

/// <summary>Plans a meeting of an organ; its agenda starts with the organ's standard items.</summary>
public sealed class CreateMeetingHandler(IAppDbContextFactory dbFactory, AccessService access, IValidator<MeetingSchedule> validator)
{
    public async Task<Result<Guid>> HandleAsync(CreateMeeting request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await access.CanAsync(Operation.ManageOrgan, request.OrganId, null, cancellationToken))
        {
            return Error.NotFound("Organet");
        }

        var validation = await validator.ValidateAsync(request.Schedule, cancellationToken);
        if (!validation.IsValid)
        {
            return Error.Validation(validation);
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var organ = await db.Organs.AsNoTracking().SingleOrDefaultAsync(o => o.Id == request.OrganId, cancellationToken);
        if (organ is null)
        {
            return Error.NotFound("Organet");
        }

        try
        {
            var date = DateOnly.FromDateTime(request.Schedule.Date!.Value);
            if (!organ.IsActiveOn(date))
            {
                return Error.Invalid($"{organ.Name} är avslutat {organ.EndedOn:yyyy-MM-dd} och kan inte ha sammanträden efter det.");
            }

            var meeting = new Meeting(organ.Id, request.Schedule.StartsAt, request.Schedule.EndsAt, request.Schedule.Place);
            foreach (var title in organ.StandardAgendaItems)
            {
                meeting.AddItem(AgendaItemKind.Standard, title);
            }

            db.Meetings.Add(meeting);
            await db.SaveChangesAsync(cancellationToken);
            return Result<Guid>.Ok(meeting.Id);
        }
        catch (DomainException ex)
        {
            return Error.Invalid(ex.Message);
        }
    }
}
