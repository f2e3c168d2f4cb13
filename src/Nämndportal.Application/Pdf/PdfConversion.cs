namespace Nämndportal.Application.Pdf;

/// <summary>The outcome of <see cref="IPdfConverter.ConvertAsync"/>: the PDF's bytes, or a Swedish reason.</summary>
public sealed record PdfConversion(byte[]? Pdf, string? Problem)
{
    public bool Succeeded => Pdf is not null;

    public static PdfConversion Done(byte[] pdf) => new(pdf, null);

    public static PdfConversion Failed(string problem) => new(null, problem);
}
