namespace Nämndportal.Application.Common;

/// <summary>An expected failure of a use case: a machine-readable code and a Swedish message for the user.</summary>
public sealed record Error(string Code, string Message)
{
    public static Error NotFound(string what) => new("not_found", $"{what} finns inte, eller så saknar du behörighet att se det.");

    public static Error Forbidden() => new("forbidden", "Du saknar behörighet för detta.");

    public static Error Invalid(string message) => new("invalid", message);

    public static Error Validation(FluentValidation.Results.ValidationResult result) =>
        new("validation", string.Join(" ", result.Errors.Select(e => e.ErrorMessage).Distinct()));

    /// <summary>Someone else saved the same record first: say who and when, never overwrite their change.</summary>
    public static Error Conflict(string? who, DateTimeOffset? when) =>
        new("conflict", $"Uppgifterna har just ändrats av {who ?? "någon annan"}"
            + (when is { } at ? $" ({Domain.Common.SwedishTime.ToLocal(at):yyyy-MM-dd HH.mm})" : string.Empty)
            + ". Ladda om sidan och gör din ändring igen.");
}
