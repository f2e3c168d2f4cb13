using System.IO.Compression;

namespace Nämndportal.Domain.Cases;

/// <summary>
/// Recognises a handling's file from its own bytes (never from its name alone), and checks that the name's extension
/// agrees with what the bytes are. A Word document renamed to .pdf, or a zip renamed to .docx, is refused with a
/// Swedish message that says what the file really is.
/// </summary>
public static class FileSniffer
{
    private static readonly Dictionary<string, FileKind> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = FileKind.Pdf,
        [".docx"] = FileKind.Docx,
        [".xlsx"] = FileKind.Xlsx,
        [".png"] = FileKind.Png,
        [".jpg"] = FileKind.Jpeg,
        [".jpeg"] = FileKind.Jpeg,
        [".tif"] = FileKind.Tiff,
        [".tiff"] = FileKind.Tiff,
    };

    /// <summary>The file kinds the portal takes, as a user reads them in a message or a file picker's hint.</summary>
    public const string AcceptedDescription = "PDF, Word (.docx), Excel (.xlsx) och bilder (PNG, JPEG, TIFF)";

    /// <summary>For a file picker's accept attribute.</summary>
    public const string AcceptAttribute = ".pdf,.docx,.xlsx,.png,.jpg,.jpeg,.tif,.tiff";

    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];

    // OLE2 compound file: Word 97–2003 (.doc), Excel 97–2003 (.xls) and their kin.
    private static ReadOnlySpan<byte> CompoundFileSignature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>What the bytes are, or null if they are none of the kinds the portal takes.</summary>
    public static SniffedContent Sniff(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        // The PDF header may come after a little junk (the standard's readers look within the first 1024 bytes).
        if (content.AsSpan(0, Math.Min(content.Length, 1024)).IndexOf("%PDF-"u8) >= 0)
        {
            return SniffedContent.Kind(FileKind.Pdf);
        }

        if (content.AsSpan().StartsWith(PngSignature))
        {
            return SniffedContent.Kind(FileKind.Png);
        }

        if (content.AsSpan().StartsWith(JpegSignature))
        {
            return SniffedContent.Kind(FileKind.Jpeg);
        }

        if (content.AsSpan().StartsWith("II*\0"u8) || content.AsSpan().StartsWith("MM\0*"u8))
        {
            return SniffedContent.Kind(FileKind.Tiff);
        }

        if (content.AsSpan().StartsWith(CompoundFileSignature))
        {
            return SniffedContent.Other("ett dokument i det äldre Office-formatet (.doc eller .xls)");
        }

        if (content.AsSpan().StartsWith("PK\x03\x04"u8))
        {
            return SniffZip(content);
        }

        return SniffedContent.Other(null);
    }

    /// <summary>The kind the file name's extension promises, or null when the portal does not take that extension.</summary>
    public static FileKind? FromFileName(string fileName) =>
        Extensions.TryGetValue(Path.GetExtension(fileName ?? string.Empty), out var kind) ? kind : null;

    /// <summary>
    /// Checks an upload: not empty, an extension the portal takes, and bytes that are what the extension says.
    /// Returns the recognised kind, or a Swedish message for the user.
    /// </summary>
    public static FileCheck Check(string fileName, byte[] content)
    {
        if (content is null || content.Length == 0)
        {
            return FileCheck.Refused("Filen är tom.");
        }

        var extension = Path.GetExtension(fileName ?? string.Empty);
        var promised = FromFileName(fileName ?? string.Empty);
        if (promised is null)
        {
            return FileCheck.Refused(extension.Length == 0
                ? $"Filnamnet saknar filändelse. Portalen tar emot {AcceptedDescription}."
                : $"Filer av typen {extension.ToLowerInvariant()} tas inte emot. Portalen tar emot {AcceptedDescription}.");
        }

        var sniffed = Sniff(content);
        if (sniffed.FileKind == promised)
        {
            return FileCheck.Accepted(promised.Value);
        }

        var actually = sniffed.FileKind is { } other ? Describe(other) : sniffed.Description;
        return FileCheck.Refused(actually is null
            ? $"Filen heter {extension.ToLowerInvariant()} men innehållet är inte {Describe(promised.Value)}. Filen kan vara skadad, eller ha fel filändelse."
            : $"Filen heter {extension.ToLowerInvariant()} men innehållet är {actually}. Kontrollera att du har valt rätt fil.");
    }

    /// <summary>"en PDF", "ett Word-dokument" …, for messages.</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Pdf => "en PDF",
        FileKind.Docx => "ett Word-dokument",
        FileKind.Xlsx => "en Excel-fil",
        FileKind.Png => "en PNG-bild",
        FileKind.Jpeg => "en JPEG-bild",
        FileKind.Tiff => "en TIFF-bild",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string ContentType(FileKind kind) => kind switch
    {
        FileKind.Pdf => "application/pdf",
        FileKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        FileKind.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        FileKind.Png => "image/png",
        FileKind.Jpeg => "image/jpeg",
        FileKind.Tiff => "image/tiff",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The usual extension of a kind (for a rendition's or a renamed file's name).</summary>
    public static string Extension(FileKind kind) => kind switch
    {
        FileKind.Pdf => ".pdf",
        FileKind.Docx => ".docx",
        FileKind.Xlsx => ".xlsx",
        FileKind.Png => ".png",
        FileKind.Jpeg => ".jpg",
        FileKind.Tiff => ".tif",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    // Office Open XML files are zip packages; which one is told by the part inside, so the zip is opened.
    private static SniffedContent SniffZip(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (names.Contains("word/document.xml"))
            {
                return SniffedContent.Kind(FileKind.Docx);
            }

            if (names.Contains("xl/workbook.xml"))
            {
                return SniffedContent.Kind(FileKind.Xlsx);
            }

            return SniffedContent.Other(names.Contains("ppt/presentation.xml") ? "en PowerPoint-presentation" : "ett zip-arkiv");
        }
        catch (InvalidDataException)
        {
            return SniffedContent.Other("ett skadat zip-arkiv");
        }
    }
}
