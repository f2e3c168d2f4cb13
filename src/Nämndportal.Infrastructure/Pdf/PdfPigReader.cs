using Nämndportal.Application.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace Nämndportal.Infrastructure.Pdf;

/// <summary>Opens uploaded PDFs with PdfPig: can it be read without a password, how many pages, and its text.</summary>
public sealed class PdfPigReader : IPdfReader
{
    public PdfInspection Inspect(byte[] document)
    {
        ArgumentNullException.ThrowIfNull(document);
        try
        {
            using var pdf = PdfDocument.Open(document);
            if (pdf.IsEncrypted)
            {
                return PdfInspection.Unreadable(PdfCondition.Encrypted);
            }

            if (pdf.NumberOfPages < 1)
            {
                return PdfInspection.Unreadable(PdfCondition.Corrupt);
            }

            // Each page is parsed once here, so a file that opens but breaks on page 40 is refused at upload,
            // not found broken by a member on the evening before the meeting.
            for (var number = 1; number <= pdf.NumberOfPages; number++)
            {
                _ = pdf.GetPage(number);
            }

            return PdfInspection.Readable(pdf.NumberOfPages);
        }
        catch (PdfDocumentEncryptedException)
        {
            return PdfInspection.Unreadable(PdfCondition.PasswordProtected);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
        {
            // PdfPig throws many kinds (format, argument, index, invalid operation) for broken files.
            return PdfInspection.Unreadable(PdfCondition.Corrupt);
        }
    }

    public IReadOnlyList<string> PageTexts(byte[] document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var pdf = PdfDocument.Open(document);
        return pdf.GetPages().Select(page => ContentOrderTextExtractor.GetText(page)).ToList();
    }
}
