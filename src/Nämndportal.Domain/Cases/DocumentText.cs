namespace Nämndportal.Domain.Cases;

/// <summary>
/// The text of one version's PDF (the file or its rendition), extracted in a background job for search and for moving
/// notes to a new version. The database keeps a Swedish full-text index over it; reads always go through the document's
/// access check. One line per page, an empty page an empty line, so line i is page i + 1 (<see cref="Pages"/>).
/// </summary>
/// <remarks>
/// Texts extracted before issue 10 left empty pages out; for them <see cref="Pages"/> has fewer lines than
/// <see cref="PageCount"/> and <see cref="HasPageLines"/> is false.
/// </remarks>
public sealed class DocumentText
{
    private DocumentText()
    {
        Text = string.Empty;
    }

    public DocumentText(Guid versionId, Guid documentId, Guid caseId, string text, int pageCount)
        : this()
    {
        VersionId = versionId;
        DocumentId = documentId;
        CaseId = caseId;
        Text = text;
        PageCount = pageCount;
    }

    public Guid VersionId { get; private set; }

    public Guid DocumentId { get; private set; }

    public Guid CaseId { get; private set; }

    public string Text { get; private set; }

    public int PageCount { get; private set; }

    /// <summary>The text of each page, page 1 first.</summary>
    public IReadOnlyList<string> Pages => Text.Split('\n');

    /// <summary>Whether <see cref="Pages"/> holds exactly one line per page (false for a text extracted before pages were kept apart, or cut at its maximum length).</summary>
    public bool HasPageLines => Pages.Count == PageCount;
}
