using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;

namespace Nämndportal.Application.Reader;

/// <summary>
/// Search in a meeting's documents from the reader: the words as typed, found in the extracted text of the handlingar
/// the reader may open (<see cref="GetMeetingReaderHandler"/> decides which), with the page where the text keeps
/// its pages apart (one line per page, <c>DocumentText</c>); otherwise the hit names the document and the viewer finds
/// the page.
/// </summary>
public sealed record SearchMeetingDocuments(Guid MeetingId, string Text);

/// <param name="Page">1-based; null when the stored text does not tell pages apart.</param>
public sealed record ReaderSearchHit(Guid ItemId, int ItemNumber, Guid CaseDocumentId, string DocumentTitle, int? Page, string Snippet);

public sealed class SearchMeetingDocumentsValidator : AbstractValidator<SearchMeetingDocuments>
{
    public SearchMeetingDocumentsValidator()
    {
        RuleFor(r => r.Text).Must(t => t.Trim().Length >= 2).WithMessage("Skriv minst två tecken att söka efter.")
            .MaximumLength(200).WithMessage("Sökningen får vara högst 200 tecken.");
    }
}

public sealed class SearchMeetingDocumentsHandler(IAppDbContextFactory dbFactory, GetMeetingReaderHandler reader, SearchMeetingDocumentsValidator validator)
{
    public const int MaxHits = 50;

    private const int SnippetRadius = 60;

    private static readonly CompareInfo Swedish = CultureInfo.GetCultureInfo("sv-SE").CompareInfo;

    public async Task<Result<IReadOnlyList<ReaderSearchHit>>> HandleAsync(SearchMeetingDocuments request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if ((await validator.ValidateAsync(request, cancellationToken)).Errors.FirstOrDefault() is { } invalid)
        {
            return Error.Invalid(invalid.ErrorMessage);
        }

        var meeting = await reader.HandleAsync(new GetMeetingReader(request.MeetingId), cancellationToken);
        if (meeting.Value is not { } view)
        {
            return meeting.Error!;
        }

        var readable = view.AllDocuments.Where(d => d.Url is not null && d.VersionId is not null).ToList();
        var versionIds = readable.Select(d => d.VersionId!.Value).ToList();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var texts = await db.DocumentTexts.AsNoTracking().Where(t => versionIds.Contains(t.VersionId))
            .ToDictionaryAsync(t => t.VersionId, t => new { t.Text, t.PageCount }, cancellationToken);

        var words = request.Text.Trim();
        var hits = new List<ReaderSearchHit>();
        foreach (var document in readable)
        {
            if (!texts.TryGetValue(document.VersionId!.Value, out var text))
            {
                continue;
            }

            var item = view.Items.First(i => i.Id == document.ItemId);
            var lines = text.Text.Split('\n');
            var pagesApart = lines.Length == text.PageCount;
            for (var line = 0; line < lines.Length && hits.Count < MaxHits; line++)
            {
                var at = Swedish.IndexOf(lines[line], words, CompareOptions.IgnoreCase);
                if (at >= 0)
                {
                    hits.Add(new ReaderSearchHit(item.Id, item.Number, document.CaseDocumentId!.Value, document.Title, pagesApart ? line + 1 : null, Snippet(lines[line], at, words.Length)));
                    if (!pagesApart)
                    {
                        break;
                    }
                }

            }
        }

        return Result<IReadOnlyList<ReaderSearchHit>>.Ok(hits);
    }

    private static string Snippet(string line, int at, int length)
    {
        var from = Math.Max(0, at - SnippetRadius);
        var to = Math.Min(line.Length, at + length + SnippetRadius);
        return (from > 0 ? "…" : string.Empty) + line[from..to] + (to < line.Length ? "…" : string.Empty);
    }
}
