using System.Data.Common;
using System.Text.RegularExpressions;
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
public sealed partial class PostgresCaseSearch(IAppDbContextFactory dbFactory) : ICaseSearch
{
    // One typo in a short word still reaches 0.5 word similarity ("Norrbi" ~ "Norrby" is 0.71, "skolna" ~ "skola" 0.57).
    // No parallel workers: one search should not take both cores from everyone else, and the plans stay the same.
    private const string Settings = """
        SET LOCAL pg_trgm.word_similarity_threshold = 0.5;
        SET LOCAL jit = off;
        SET LOCAL max_parallel_workers_per_gather = 0;
        SET LOCAL plan_cache_mode = force_custom_plan;
        SET LOCAL statement_timeout = '15s';
        """;

    /// <summary>The cases the user may read that the filters keep (alias c).</summary>
    private const string Scope = """
        c.organ_id = ANY(@readable)
          AND (@organ::uuid IS NULL OR c.organ_id = @organ)
          AND (@status::text IS NULL OR c.status = @status)
          AND (@year::int IS NULL OR c.year = @year)
          AND (@officer_filter::uuid IS NULL OR c.case_officer_user_id = @officer_filter)
        """;

    /// <summary>
    /// May the user read the secret-marked handlingar of case c: secret access in its organ, or its own handläggare
    /// while attached to the organ. A row of case_documents or document_texts takes part only when its handling is
    /// not marked, or this holds.
    /// </summary>
    private const string SeesSecret = "(c.organ_id = ANY(@secret) OR (c.case_officer_user_id = @me AND c.organ_id = ANY(@officer_organs)))";

    // Each branch of 'hits' is one place a case can match, already limited to the scope (the cases' own columns by
    // the scope predicates, everything else by joining the scope), so nothing outside it is scored. See ADR 0007.
    private static readonly string SearchSql = Settings + $$"""
        WITH query AS MATERIALIZED (
            SELECT websearch_to_tsquery('swedish', @text) AS tsq, lower(@text) AS raw,
                   ARRAY(SELECT lexeme FROM unnest(to_tsvector('swedish', @text))) AS lexemes
        ),
        scope AS MATERIALIZED (
            SELECT c.id, c.registered_on, c.year, c.sequence, {{SeesSecret}} AS sees_secret
              FROM cases c
             WHERE {{Scope}}
        ),
        -- The secret handlingar in scope that the user may not read (few, from the partial index
        -- ix_case_documents_secret): a matching text is left out by this list, without looking up its handling.
        hidden AS MATERIALIZED (
            SELECT d.id
              FROM case_documents d JOIN scope s ON s.id = d.case_id
             WHERE d.secrecy_provision IS NOT NULL AND NOT s.sees_secret
        ),
        hits AS (
            -- A case number typed in part ("2024-149", "OMF 149"): its letters and digits in order, found through the
            -- trigram index, ranked by how much of the number they cover.
            SELECT c.id AS case_id, 0 AS source, (10 * word_similarity(q.raw, c.number))::real AS score
              FROM cases c, query q
             WHERE {{Scope}} AND c.number ILIKE @number_pattern
            UNION ALL
            SELECT c.id, 0, (4 + ts_rank(c.search_vector, q.tsq))::real
              FROM cases c, query q
             WHERE {{Scope}} AND c.search_vector @@ q.tsq
            UNION ALL
            -- A misspelt or partial word of the title: every title above the threshold counts the same (working
            -- out the similarity again for each would cost as much as finding them).
            SELECT c.id, 0, 3::real
              FROM cases c, query q
             WHERE {{Scope}} AND q.raw <% c.title
            UNION ALL
            -- Long texts are not ranked with ts_rank: a common word matches thousands of them, and ranking means
            -- reading and unpacking every matching vector. A match there counts the same in every case.
            SELECT r.case_id, 1, 2::real
              FROM officer_reports r JOIN scope s ON s.id = r.case_id, query q
             WHERE r.search_vector @@ q.tsq
            UNION ALL
            SELECT d.case_id, 2, (1.5 + ts_rank(d.search_vector, q.tsq))::real
              FROM case_documents d JOIN scope s ON s.id = d.case_id, query q
             WHERE d.search_vector @@ q.tsq AND (d.secrecy_provision IS NULL OR s.sees_secret)
            UNION ALL
            SELECT d.case_id, 2, (1.5 * word_similarity(q.raw, d.counterpart))::real
              FROM case_documents d JOIN scope s ON s.id = d.case_id, query q
             WHERE q.raw <% d.counterpart AND (d.secrecy_provision IS NULL OR s.sees_secret)
            UNION ALL
            SELECT t.case_id, 3, 1::real
              FROM document_texts t JOIN scope s ON s.id = t.case_id, query q
             WHERE t.search_vector @@ q.tsq AND t.document_id NOT IN (SELECT id FROM hidden)
        ),
        found AS (
            -- The file texts count once per case however many of its handlingar hold the words.
            SELECT case_id, coalesce(sum(score) FILTER (WHERE source < 3), 0) + max(CASE WHEN source = 3 THEN 1 ELSE 0 END) AS score,
                   min(source) AS best
              FROM hits
             GROUP BY case_id
        ),
        page AS (
            SELECT f.case_id, f.score, f.best, s.sees_secret, s.registered_on, s.year, s.sequence, count(*) OVER () AS total
              FROM found f JOIN scope s ON s.id = f.case_id
             ORDER BY f.score DESC, s.registered_on DESC, s.year DESC, s.sequence DESC, f.case_id
             LIMIT @limit OFFSET @offset
        )
        SELECT c.id, c.number, c.title, o.short_name, c.status, c.year, c.registered_on,
               coalesce(nullif(u.display_name, ''), u.email) AS officer_name,
               p.best, coalesce(doc.ordinal, txt.ordinal) AS ordinal, coalesce(doc.description, txt.description) AS description,
               ts_headline('swedish', c.title, q.tsq, 'HighlightAll=true, StartSel=' || chr(2) || ', StopSel=' || chr(3)) AS title_snippet,
               CASE p.best WHEN 1 THEN rep.snippet WHEN 2 THEN doc.snippet WHEN 3 THEN txt.snippet END AS snippet,
               p.total, coalesce(doc.id, txt.id) AS handling_id, coalesce(doc.secret, txt.secret, false) AS handling_secret
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
                SELECT d.id, d.ordinal, d.description, d.secrecy_provision IS NOT NULL AS secret,
                       ts_headline('swedish', d.description || coalesce(' – ' || d.counterpart, ''), q.tsq, @snippet_options) AS snippet
                  FROM case_documents d
                 WHERE p.best = 2 AND d.case_id = c.id
                   AND (d.search_vector @@ q.tsq OR q.raw <% d.counterpart)
                   AND (d.secrecy_provision IS NULL OR p.sees_secret)
                 ORDER BY d.ordinal
                 LIMIT 1
          ) doc ON true
          LEFT JOIN LATERAL (
                -- ts_headline reads the whole text it is given: quote from a window around the first place a
                -- word of the query appears (by its stem), not from a text of forty pages.
                SELECT d.id, d.ordinal, d.description, d.secrecy_provision IS NOT NULL AS secret,
                       ts_headline('swedish', substr(t.text, greatest(1, coalesce(w.at, 1) - 300), 1500), q.tsq, @snippet_options) AS snippet
                  FROM document_texts t
                  JOIN case_documents d ON d.id = t.document_id
                  CROSS JOIN LATERAL (
                        SELECT min(nullif(strpos(lower(t.text), l), 0)) AS at FROM unnest(q.lexemes) AS l
                  ) w
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
               (SELECT count(*) FROM cases c WHERE {{Scope}}) AS total, NULL::uuid AS handling_id, false AS handling_secret
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
            parameters.Add(new NpgsqlParameter("number_pattern", NpgsqlDbType.Text) { Value = (object?)NumberPattern(query.Text) ?? DBNull.Value });
        }

        // Prepared once per pooled connection: parsing this query costs several milliseconds. It is still planned
        // for each search's own values (plan_cache_mode above), so a filter or a word never gets another's plan.
        await command.PrepareAsync(cancellationToken);
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

    /// <summary>
    /// "OMF 149" → "%omf%149%": the letters and digits of a query holding a digit, in order, for ILIKE on case numbers;
    /// null when the query has no digit (then it is not a case number).
    /// </summary>
    internal static string? NumberPattern(string text)
    {
        if (!text.Any(char.IsDigit))
        {
            return null;
        }

        var tokens = NonAlphanumeric().Split(text.ToLowerInvariant()).Where(t => t.Length > 0).ToList();
        return tokens.Count == 0 ? null : "%" + string.Join('%', tokens) + "%";
    }

    [GeneratedRegex(@"[^\p{L}\p{Nd}]+")]
    private static partial Regex NonAlphanumeric();

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
            reader.IsDBNull(12) ? null : reader.GetString(12),
            reader.IsDBNull(14) ? null : reader.GetGuid(14),
            reader.GetBoolean(15));
    }
}
