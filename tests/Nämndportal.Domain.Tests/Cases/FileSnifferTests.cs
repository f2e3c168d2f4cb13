using System.IO.Compression;
using System.Text;
using Nämndportal.Domain.Cases;

namespace Nämndportal.Domain.Tests.Cases;

public class FileSnifferTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n");
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F'];
    private static readonly byte[] TiffLittleEndian = [(byte)'I', (byte)'I', 42, 0, 8, 0, 0, 0];
    private static readonly byte[] TiffBigEndian = [(byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8];

    public static TheoryData<string, byte[], FileKind> MatchingFiles => new()
    {
        { "beslut.pdf", Pdf, FileKind.Pdf },
        { "Yttrande.PDF", Pdf, FileKind.Pdf },
        { "tjänsteskrivelse.docx", Zip("word/document.xml"), FileKind.Docx },
        { "budget.xlsx", Zip("xl/workbook.xml"), FileKind.Xlsx },
        { "karta.png", Png, FileKind.Png },
        { "foto.jpg", Jpeg, FileKind.Jpeg },
        { "foto.jpeg", Jpeg, FileKind.Jpeg },
        { "skanning.tif", TiffLittleEndian, FileKind.Tiff },
        { "skanning.tiff", TiffBigEndian, FileKind.Tiff },
    };

    [Theory]
    [MemberData(nameof(MatchingFiles))]
    public void File_whose_content_matches_its_extension_is_accepted_as_its_kind(string fileName, byte[] content, FileKind kind)
    {
        var check = FileSniffer.Check(fileName, content);
        check.Problem.ShouldBeNull();
        check.Kind.ShouldBe(kind);
    }

    [Fact]
    public void Word_document_named_pdf_is_refused_saying_what_it_really_is()
    {
        FileSniffer.Check("beslut.pdf", Zip("word/document.xml")).Problem
            .ShouldBe("Filen heter .pdf men innehållet är ett Word-dokument. Kontrollera att du har valt rätt fil.");
    }

    [Fact]
    public void Pdf_named_docx_is_refused()
    {
        FileSniffer.Check("beslut.docx", Pdf).Problem.ShouldBe("Filen heter .docx men innehållet är en PDF. Kontrollera att du har valt rätt fil.");
    }

    [Fact]
    public void Excel_file_named_docx_is_refused_because_the_zip_is_opened()
    {
        FileSniffer.Check("beslut.docx", Zip("xl/workbook.xml")).Problem.ShouldBe("Filen heter .docx men innehållet är en Excel-fil. Kontrollera att du har valt rätt fil.");
    }

    [Fact]
    public void Plain_zip_named_docx_is_refused()
    {
        FileSniffer.Check("beslut.docx", Zip("readme.txt")).Problem.ShouldBe("Filen heter .docx men innehållet är ett zip-arkiv. Kontrollera att du har valt rätt fil.");
    }

    [Fact]
    public void Truncated_zip_named_docx_is_refused_as_damaged()
    {
        var zip = Zip("word/document.xml");
        FileSniffer.Check("beslut.docx", zip[..(zip.Length / 2)]).Problem!.ShouldContain("ett skadat zip-arkiv");
    }

    [Fact]
    public void Old_binary_word_document_named_docx_is_refused_naming_the_old_format()
    {
        byte[] doc = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
        FileSniffer.Check("beslut.docx", doc).Problem!.ShouldContain("äldre Office-formatet");
    }

    [Fact]
    public void Text_named_pdf_is_refused_as_not_a_pdf()
    {
        FileSniffer.Check("beslut.pdf", Encoding.UTF8.GetBytes("Hej, detta är ingen PDF."))
            .Problem.ShouldBe("Filen heter .pdf men innehållet är inte en PDF. Filen kan vara skadad, eller ha fel filändelse.");
    }

    [Fact]
    public void Jpeg_named_png_is_refused()
    {
        FileSniffer.Check("karta.png", Jpeg).Problem.ShouldBe("Filen heter .png men innehållet är en JPEG-bild. Kontrollera att du har valt rätt fil.");
    }

    [Fact]
    public void Empty_file_is_refused()
    {
        FileSniffer.Check("beslut.pdf", []).Problem.ShouldBe("Filen är tom.");
    }

    [Theory]
    [InlineData("anteckningar.txt", "Filer av typen .txt tas inte emot.")]
    [InlineData("gammal.DOC", "Filer av typen .doc tas inte emot.")]
    [InlineData("utan-andelse", "Filnamnet saknar filändelse.")]
    public void Extension_the_portal_does_not_take_is_refused_naming_what_it_takes(string fileName, string start)
    {
        var problem = FileSniffer.Check(fileName, Pdf).Problem!;
        problem.ShouldStartWith(start);
        problem.ShouldEndWith("Portalen tar emot PDF, Word (.docx), Excel (.xlsx) och bilder (PNG, JPEG, TIFF).");
    }

    [Fact]
    public void Pdf_header_after_a_little_junk_is_still_a_pdf()
    {
        FileSniffer.Sniff([0xEF, 0xBB, 0xBF, .. Pdf]).FileKind.ShouldBe(FileKind.Pdf);
    }

    private static byte[] Zip(string entryName)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open());
            writer.Write("<Types/>");
            writer.Dispose();
            using var part = new StreamWriter(zip.CreateEntry(entryName).Open());
            part.Write("<x/>");
        }

        return stream.ToArray();
    }
}
