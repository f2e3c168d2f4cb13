namespace Nämndportal.Application.Samples;

/// <summary>
/// A fictitious kallelse used to prove the PDF pipeline end to end (header, footer, page numbers, outline,
/// merging and stamping). The real kallelse pack replaces it when meetings arrive.
/// </summary>
public sealed record SampleDocumentModel(string OrganName, DateTimeOffset MeetingStartsAt, string Place, IReadOnlyList<SampleSection> Sections);

public sealed record SampleSection(int Number, string Title, IReadOnlyList<string> Paragraphs);

/// <summary>A one-page attachment (bilaga) to one agenda item, printed as its own document and merged into the pack.</summary>
public sealed record SampleAttachmentModel(string OrganName, SampleSection Section);
