namespace Nämndportal.Application.Common;

/// <summary>An expected failure of a use case: a machine-readable code and a Swedish message for the user.</summary>
public sealed record Error(string Code, string Message)
{
    public static Error NotFound(string what) => new("not_found", $"{what} finns inte, eller så saknar du behörighet att se det.");

    public static Error Forbidden() => new("forbidden", "Du saknar behörighet för detta.");
}
