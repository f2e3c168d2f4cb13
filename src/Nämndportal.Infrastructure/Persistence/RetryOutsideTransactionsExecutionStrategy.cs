using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace Nämndportal.Infrastructure.Persistence;

/// <summary>
/// EF Core's retrying strategy for PostgreSQL ("omförsök", issue 14), except inside a transaction the code began itself.
/// A single query or a plain <c>SaveChanges</c> (EF wraps it in a transaction of its own) is one unit that can be run
/// again whole when PostgreSQL drops the connection, restarts, or is briefly away. An explicit unit of work
/// (<c>BeginTransactionAsync</c> … <c>CommitAsync</c>, about twenty handlers) cannot: a lost connection has already
/// rolled back its earlier statements, so repeating only the failed one would save half of it. There the operation
/// runs once and its failure reaches the caller; PostgreSQL has rolled the whole unit back.
/// </summary>
/// <remarks>
/// EF Core's own <see cref="ExecutionStrategy"/> refuses user-initiated transactions ("does not support user-initiated
/// transactions", thrown from <c>OnFirstExecution</c>), and its <c>ExecuteAsync</c> runs the retry loop whatever
/// <see cref="RetriesOnFailure"/> says (EF Core 10: only a strategy already executing, <c>Current</c>, short-cuts it).
/// So both <c>Execute</c> and <c>ExecuteAsync</c> are overridden to run the operation directly while a transaction
/// is open. <see cref="ExecutionStrategy.RetriesOnFailure"/> is left as it is: EF reads it while it builds the model,
/// and a getter that asked the context for its transaction then deadlocked the model's construction.
/// The delays are short (at most <see cref="MaxRetries"/> retries, about three seconds in all): a user waiting for a
/// page gets the Swedish "tillfälligt fel" page soon rather than a spinner for half a minute.
/// </remarks>
public sealed class RetryOutsideTransactionsExecutionStrategy(ExecutionStrategyDependencies dependencies)
    : NpgsqlRetryingExecutionStrategy(dependencies, MaxRetries, MaxDelay, errorCodesToAdd: null)
{
    public const int MaxRetries = 3;

    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(2);

    public override TResult Execute<TState, TResult>(
        TState state,
        Func<DbContext, TState, TResult> operation,
        Func<DbContext, TState, ExecutionResult<TResult>>? verifySucceeded)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return Current is null && InUserTransaction
            ? operation(Dependencies.CurrentContext.Context, state)
            : base.Execute(state, operation, verifySucceeded);
    }

    public override Task<TResult> ExecuteAsync<TState, TResult>(
        TState state,
        Func<DbContext, TState, CancellationToken, Task<TResult>> operation,
        Func<DbContext, TState, CancellationToken, Task<ExecutionResult<TResult>>>? verifySucceeded,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return Current is null && InUserTransaction
            ? operation(Dependencies.CurrentContext.Context, state, cancellationToken)
            : base.ExecuteAsync(state, operation, verifySucceeded, cancellationToken);
    }

    // Current is the strategy already running an operation (a SaveChanges inside CreateExecutionStrategy().ExecuteAsync):
    // a transaction begun inside it belongs to that retriable unit, which EF handles as usual. An ambient TransactionScope
    // counts as the code's own transaction too (the portal uses none today).
    private bool InUserTransaction =>
        Dependencies.CurrentContext.Context.Database.CurrentTransaction is not null
        || System.Transactions.Transaction.Current is not null;
}
