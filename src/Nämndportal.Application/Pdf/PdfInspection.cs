namespace Nämndportal.Application.Pdf;

/// <summary>What opening a PDF showed: readable with so many pages, or why not.</summary>
public sealed record PdfInspection(PdfCondition Condition, int PageCount)
{
    public static PdfInspection Readable(int pages) => new(PdfCondition.Readable, pages);

    public static PdfInspection Unreadable(PdfCondition condition) => new(condition, 0);
}
