using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Audit;

/// <summary>
/// What an action on a recommendation (<see cref="FollowUpAction"/>) and an assignment from a decision
/// (<see cref="Assignment"/>) share: who is responsible, by when, its status and its progress notes. Lateness is computed
/// from the Stockholm day, never stored: an item is late the day after its due date while it is not Genomförd.
/// </summary>
public abstract class FollowUpItem : Entity, IConcurrencyVersioned
{
    protected FollowUpItem()
    {
        Responsible = string.Empty;
    }

    /// <summary>The responsible person by name, as the board's report prints it.</summary>
    public string Responsible { get; private set; }

    /// <summary>Their login, when they have one: the reminders go to its address.</summary>
    public Guid? ResponsibleUserId { get; private set; }

    public DateOnly? DueOn { get; private set; }

    public FollowUpStatus Status { get; private set; }

    /// <summary>The day it was marked Genomförd, for the chart of status over time.</summary>
    public DateOnly? CompletedOn { get; private set; }

    public List<ProgressNote> Notes { get; private set; } = [];

    public uint Version { get; private set; }

    public bool IsLate(DateOnly today) => FollowUp.IsLate(DueOn, Status, today);

    /// <summary>Sets who is responsible and by when; a due date before the item was begun is refused by the caller's form, not here.</summary>
    public void Assign(string responsible, Guid? responsibleUserId, DateOnly? dueOn)
    {
        Responsible = string.IsNullOrWhiteSpace(responsible) || responsible.Trim().Length > 200
            ? throw new DomainException("Ange vem som är ansvarig (högst 200 tecken).")
            : responsible.Trim();
        ResponsibleUserId = responsibleUserId;
        DueOn = dueOn;
    }

    /// <summary>Changes the status on <paramref name="on"/>, with an optional note; Genomförd records the day.</summary>
    public void SetStatus(FollowUpStatus status, DateOnly on, string author, string? note)
    {
        if (!Enum.IsDefined(status))
        {
            throw new DomainException("Välj en status.");
        }

        if (status == Status && string.IsNullOrWhiteSpace(note))
        {
            throw new DomainException($"Statusen är redan {status.SwedishName()}.");
        }

        if (!string.IsNullOrWhiteSpace(note))
        {
            Notes.Add(new ProgressNote(on, author, note));
        }

        Status = status;
        CompletedOn = status == FollowUpStatus.Genomford ? CompletedOn ?? on : null;
    }

    public void AddNote(ProgressNote note)
    {
        ArgumentNullException.ThrowIfNull(note);
        if (Notes.Count >= 500)
        {
            throw new DomainException("Högst 500 anteckningar per åtgärd.");
        }

        Notes.Add(note);
    }
}

/// <summary>The lateness rule, shared with the overview's queries.</summary>
public static class FollowUp
{
    public static bool IsLate(DateOnly? dueOn, FollowUpStatus status, DateOnly today) =>
        dueOn is { } due && due < today && status != FollowUpStatus.Genomford;

    /// <summary>Days until the due date (negative when passed), or null without one.</summary>
    public static int? DaysLeft(DateOnly? dueOn, DateOnly today) => dueOn is { } due ? due.DayNumber - today.DayNumber : null;
}
