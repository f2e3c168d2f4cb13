namespace Nämndportal.Application.Common;

/// <summary>The outcome of a use case: a value, or an <see cref="Common.Error"/>.</summary>
public sealed class Result<T>
{
    private Result(T? value, Error? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public Error? Error { get; }

    public bool Succeeded => Error is null;

#pragma warning disable CA1000 // Static factories on the generic type read best at call sites: Result<T>.Ok(x).
    public static Result<T> Ok(T value) => new(value, null);

    public static Result<T> Fail(Error error) => new(default, error);
#pragma warning restore CA1000

    public static implicit operator Result<T>(Error error) => Fail(error);
}
