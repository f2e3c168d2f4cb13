using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Nämndportal.Application.Common;
using Nämndportal.Application.Search;
using Nämndportal.Domain.Cases;
using Nämndportal.Infrastructure.Persistence;

namespace Nämndportal.Infrastructure.Search;

/// <summary>
/// Search in PostgreSQL: the <c>swedish</c> full-text configuration over the generated <c>search_vector</c> columns
/// (cases, officer_reports, case_documents, document_texts) and pg_trgm word similarity for case numbers, titles and
/// senders or recipients. Access is part of the SQL itself: only cases of readable organs are touched, and a
/// secret-marked handling's description, sender and text take part (match, count, rank, snippet) only for a user
/// who may read it. See docs/adr/0007-search.md for the ranking and the query plan.
/// </summary>
public sealed class PostgresCaseSearch(IAppDbContextFactory dbFactory) : ICaseSearch
{
    // A typo in one short word still reaches about 0.5 word similarity; a case number fragment must reach 0.6.
    private const string Settings = """
        SET LOCAL pg_trgm.word_similarity_threshold = 0.5;
        SET LOCAL jit = off;
        SET LOCAL statement_timeout = '15s';
        """;

    private const string Scope = """
        c.organ_id = ANY(@readable)
          AND (@organ::uuid IS NULL OR c.organ_id = @organ)
          AND (@status::text IS NULL OR c.status = @status)
          AND (@year::int IS NULL OR c.year = @year)
          AND (@officer_filter::uuid IS NULL OR c.case_officer_user_id = @officer_filter)
        """;

    // 'sees_secret': the user may read the case's secret handlingar (secret access in the organ, or the case's own
    // handläggare attached to the organ). Every row of case_documents and document_texts is let through only when
    // the handling is not marked, or sees_secret holds.
    private static readonly string SearchSql = Settings + $$"""
        WITH query AS MATERIALIZED (
            SELECT websearch_to_tsquery('swedish', @text) AS tsq, lower(@text) AS raw
        ),
        scope AS MATERIALIZED (
            SELECT c.id,
                   (c.organ_id = ANY(@secret) OR (c.case_officer_user_id = @me AND c.organ_id = ANY(@officer_organs))) AS sees_secret
            FROM cases c
            WHERE {{Scope}}
        ),
        hits AS (
            SELECT c.id AS case_id, 0 AS source, 10 * word_similarity(q.raw, c.number) AS score
              FROM cases c, query q
             WHERE q.raw <% c.number AND word_similarity(q.raw, c.number) >= 0.6
            UNION ALL
            SELECT c.id, 0, 4 + ts_rank(c.search_vector, q.tsq)
              FROM cases c, query q
             WHERE c.search_vector @@ q.tsq
            UNION ALL
            SELECT c.id, 0, 3 * word_similarity(q.raw, c.title)
              FROM cases c, query q
             WHERE q.raw <% c.title
            UNION ALL
            SELECT r.case_id, 1, 2 + ts_rank(r.search_vector, q.tsq)
              FROM officer_reports r, query q
             WHERE r.search_vector @@ q.tsq
            UNION ALL
            SELECT d.case_id, 2, 1.5 + ts_rank(d.search_vector, q.tsq)
              FROM case_documents d JOIN scope s ON s.id = d.case_id, query q
             WHERE d.search_vector @@ q.tsq AND (d.secrecy_provision IS NULL OR s.sees_secret)
            UNION ALL
            SELECT d.case_id, 2, 1.5 * word_similarity(q.raw, d.counterpart)
              FROM case_documents d JOIN scope s ON s.id = d.case_id, query q
             WHERE q.raw <% d.counterpart AND (d.secrecy_provision IS NULL OR s.sees_secret)
            UNION ALL
            -- The text of files is not ranked by ts_rank: a common word matches most documents, and reading every
            -- matching document's vector to rank it costs seconds. A match in the text counts once per case.
            SELECT DISTINCT t.case_id, 3, 1.0::real
              FROM document_texts t
              JOIN case_documents d ON d.id = t.document_id
              JOIN scope s ON s.id = t.case_id, query q
             WHERE t.search_vector @@ q.tsq AND (d.secrecy_provision IS NULL OR s.sees_secret)
        ),
        found AS (
            SELECT h.case_id, sum(h.score) AS score, min(h.source) AS best, bool_or(s.sees_secret) AS sees_secret
              FROM (SELECT case_id, source, max(score) AS score FROM hits GROUP BY case_id, source) h
              JOIN scope s ON s.id = h.case_id
             GROUP BY h.case_id
        ),
        page AS (
            SELECT f.*, c.registered_on, c.year, c.sequence, count(*) OVER () AS total
              FROM found f JOIN cases c ON c.id = f.case_id
             ORDER BY f.score DESC, c.registered_on DESC, c.year DESC, c.sequence DESC, c.id
             LIMIT @limit OFFSET @offset
        )
        SELECT c.id, c.number, c.title, o.short_name, c.status, c.year, c.registered_on,
               coalesce(nullif(u.display_name, ''), u.email) AS officer_name,
               p.best, coalesce(doc.ordinal, txt.ordinal) AS ordinal, coalesce(doc.description, txt.description) AS description,
               ts_headline('swedish', c.title, q.tsq, 'HighlightAll=true, StartSel=' || chr(2) || ', StopSel=' || chr(3)) AS title_snippet,
               CASE p.best WHEN 1 THEN rep.snippet WHEN 2 THEN doc.snippet WHEN 3 THEN txt.snippet END AS snippet,
               p.total
          FROM page p
          JOIN cases c ON c.id = p.case_id
          JOIN organs o ON o.id = c.organ_id
          LEFT JOIN users u ON u.id = c.case_officer_user_id
          CROSS JOIN query q
          LEFT JOIN LATERAL (
                SELECT ts_headline('swedish', r.search_text, q.tsq, @snippet_options) AS snippet
                  FROM officer_reports r
                 WHERE p.best = 1 AND r.case_id = c.id
          ) rep ON true
          LEFT JOIN LATERAL (
                SELECT d.ordinal, d.description,
                       ts_headline('swedish', d.description || coalesce(' – ' || d.counterpart, ''), q.tsq, @snippet_options) AS snippet
                  FROM case_documents d
                 WHERE p.best = 2 AND d.case_id = c.id
                   AND (d.search_vector @@ q.tsq OR q.raw <% d.counterpart)
                   AND (d.secrecy_provision IS NULL OR p.sees_secret)
                 ORDER BY d.ordinal
                 LIMIT 1
          ) doc ON true
          LEFT JOIN LATERAL (
                SELECT d.ordinal, d.description, ts_headline('swedish', t.text, q.tsq, @snippet_options) AS snippet
                  FROM document_texts t
                  JOIN case_documents d ON d.id = t.document_id
                 WHERE p.best = 3 AND t.case_id = c.id
                   AND t.search_vector @@ q.tsq
                   AND (d.secrecy_provision IS NULL OR p.sees_secret)
                 ORDER BY d.ordinal
                 LIMIT 1
          ) txt ON true
         ORDER BY p.score DESC, p.registered_on DESC, p.year DESC, p.sequence DESC, p.case_id
        """;

    private static readonly string ListSql = Settings + $$"""
        SELECT c.id, c.number, c.title, o.short_name, c.status, c.year, c.registered_on,
               coalesce(nullif(u.display_name, ''), u.email) AS officer_name,
               -1 AS best, NULL::int AS ordinal, NULL::text AS description, c.title AS title_snippet, NULL::text AS snippet,
               (SELECT count(*) FROM cases c WHERE {{Scope}}) AS total
          FROM cases c
          JOIN organs o ON o.id = c.organ_id
          LEFT JOIN users u ON u.id = c.case_officer_user_id
         WHERE {{Scope}}
         ORDER BY c.registered_on DESC, c.year DESC, c.sequence DESC, c.id
         LIMIT @limit OFFSET @offset
        """;

    private static readonly string SnippetOptions =
        $"StartSel={SearchSnippet.MatchStart}, StopSel={SearchSnippet.MatchEnd}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \"";

    public async Task<CaseSearchPage> SearchAsync(CaseSearchQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var database = ((AppDbContext)db).Database;
        await database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (NpgsqlConnection)database.GetDbConnection();
            var page = await RunAsync(connection, query, query.Offset, query.Limit, cancellationToken);
            if (page.Hits.Count == 0 && query.Offset > 0)
            {
                // Past the last page: the count still tells the user how many there are.
                var first = await RunAsync(connection, query, 0, 1, cancellationToken);
                return new CaseSearchPage([], first.Total);
            }

            return page;
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }

    private static async Task<CaseSearchPage> RunAsync(NpgsqlConnection connection, CaseSearchQuery query, int offset, int limit, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken);
        await using var command = new NpgsqlCommand(query.Text is null ? ListSql : SearchSql, connection, transaction);
        var parameters = command.Parameters;
        parameters.Add(new NpgsqlParameter("readable", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = query.ReadableOrganIds.ToArray() });
        parameters.Add(new NpgsqlParameter("organ", NpgsqlDbType.Uuid) { Value = (object?)query.OrganId ?? DBNull.Value });
        parameters.Add(new NpgsqlParameter("status", NpgsqlDbType.Text) { Value = (object?)query.Status?.ToString() ?? DBNull.Value });
        parameters.Add(new NpgsqlParameter("year", NpgsqlDbType.Integer) { Value = (object?)query.Year ?? DBNull.Value });
        parameters.Add(new NpgsqlParameter("officer_filter", NpgsqlDbType.Uuid) { Value = (object?)query.CaseOfficerUserId ?? DBNull.Value });
        parameters.Add(new NpgsqlParameter("limit", NpgsqlDbType.Integer) { Value = limit });
        parameters.Add(new NpgsqlParameter("offset", NpgsqlDbType.Integer) { Value = offset });
        if (query.Text is not null)
        {
            parameters.Add(new NpgsqlParameter("text", NpgsqlDbType.Text) { Value = query.Text });
            parameters.Add(new NpgsqlParameter("secret", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = query.SecretOrganIds.ToArray() });
            parameters.Add(new NpgsqlParameter("officer_organs", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = query.OfficerOrganIds.ToArray() });
            parameters.Add(new NpgsqlParameter("me", NpgsqlDbType.Uuid) { Value = query.UserId });
            parameters.Add(new NpgsqlParameter("snippet_options", NpgsqlDbType.Text) { Value = SnippetOptions });
        }

        var hits = new List<CaseSearchHit>();
        var total = 0;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                hits.Add(Read(reader));
                total = checked((int)reader.GetInt64(13));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new CaseSearchPage(hits, total);
    }

    private static CaseSearchHit Read(DbDataReader reader)
    {
        var best = reader.GetInt32(8);
        var match = best switch
        {
            0 => CaseSearchMatch.Case,
            1 => CaseSearchMatch.OfficerReport,
            2 => CaseSearchMatch.Handling,
            3 => CaseSearchMatch.DocumentText,
            _ => CaseSearchMatch.None,
        };
        return new CaseSearchHit(
            reader.GetGuid(0),
            reader.GetString(1),
            reader.GetString(2),
            reader.GetString(3),
            Enum.Parse<CaseStatus>(reader.GetString(4)),
            reader.GetInt32(5),
            reader.GetFieldValue<DateOnly>(6),
            reader.IsDBNull(7) ? null : reader.GetString(7),
            match,
            reader.IsDBNull(9) ? null : reader.GetInt32(9),
            reader.IsDBNull(10) ? null : reader.GetString(10),
            reader.GetString(11),
            reader.IsDBNull(12) ? null : reader.GetString(12));
    }
}
