using System.Net.Sockets;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Nämndportal.Infrastructure.Persistence;

/// <summary>
/// Whether an exception means the database is away or cannot take writes right now ("tillfälligt fel"): PostgreSQL
/// stopped, restarting or unreachable, out of connections or out of disk. Not a deadlock, a unique violation or a bug:
/// those are answers from a working server and keep their own handling.
/// </summary>
public static class TransientDatabaseFailure
{
    public static bool Is(Exception? exception) => Is(exception, fromDatabase: false);

    /// <summary>The PostgreSQL error (SQLSTATE) or the exception type behind it, for a log line: never a message or a connection string.</summary>
    public static string Describe(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException postgres)
            {
                return "SQLSTATE " + postgres.SqlState;
            }

            if (e.InnerException is null)
            {
                return e.GetType().Name;
            }
        }

        return exception.GetType().Name;
    }

    private static bool Is(Exception? exception, bool fromDatabase)
    {
        switch (exception)
        {
            case null:
                return false;
            case AggregateException aggregate:
                return aggregate.InnerExceptions.Any(e => Is(e, fromDatabase));
            // EF's retrying strategy gave up on failures it judged transient.
            case RetryLimitExceededException:
                return true;
            // An answer from a running server counts only when it is about the server itself: class 08 (connection),
            // 57P (shutting down, crashed, starting up), 53 (out of disk, memory or connections).
            case PostgresException postgres:
                return postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                    || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal)
                    || postgres.SqlState.StartsWith("53", StringComparison.Ordinal);
            // Npgsql failing to reach the server or losing it mid-command (its IsTransient: a socket, I/O or timeout failure).
            case NpgsqlException npgsql when npgsql.IsTransient:
                return true;
            // A socket failure or a timeout is the database's only when Npgsql or EF reported it: the mail server may be
            // unreachable too, and a PDF render may time out.
            case SocketException or TimeoutException:
                return fromDatabase;
            default:
                return Is(exception.InnerException, fromDatabase || exception is NpgsqlException or Microsoft.EntityFrameworkCore.DbUpdateException);
        }
    }
}
