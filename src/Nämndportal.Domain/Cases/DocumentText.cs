namespace Nämndportal.Domain.Cases;

/// <summary>
/// The text of one version's PDF (the file or its rendition), extracted in a background job for search. The
/// database keeps a Swedish full-text index over it; reads always go through the document's access check.
/// </summary>
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
}
