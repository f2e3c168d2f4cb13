using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Nämndportal.IntegrationTests.Cases;

/// <summary>Real files for upload tests, made here: PDFs (plain, corrupt, encrypted), DOCX (valid and broken).</summary>
public static class TestFiles
{
    /// <summary>A valid PDF with one line of (ASCII) text per page.</summary>
    public static byte[] Pdf(params string[] pageTexts)
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var text in pageTexts.Length == 0 ? ["Handling"] : pageTexts)
        {
            var page = builder.AddPage(PageSize.A4);
            page.AddText(text, 12, new PdfPoint(72, 720), font);
        }

        return builder.Build();
    }

    /// <summary>Starts like a PDF, and is not one.</summary>
    public static byte[] CorruptPdf() =>
        [.. "%PDF-1.7\n"u8, .. Enumerable.Range(0, 2000).Select(i => (byte)((i * 7919) % 251))];

    /// <summary>
    /// A minimal DOCX: [Content_Types].xml, _rels/.rels and word/document.xml with one paragraph. Word and LibreOffice
    /// open it; it is what Word writes, less everything optional.
    /// </summary>
    public static byte[] Docx(string sentence) => Zip(new Dictionary<string, string>
    {
        ["[Content_Types].xml"] = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
              <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
              <Default Extension="xml" ContentType="application/xml"/>
              <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
            </Types>
            """,
        ["_rels/.rels"] = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
              <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
            </Relationships>
            """,
        ["word/document.xml"] = $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
              <w:body><w:p><w:r><w:t>{System.Security.SecurityElement.Escape(sentence)}</w:t></w:r></w:p></w:body>
            </w:document>
            """,
    });

    /// <summary>A zip that is a DOCX by its parts (so it passes the upload check) but whose document part is not XML.</summary>
    public static byte[] BrokenDocx()
    {
        var parts = new Dictionary<string, string>
        {
            ["[Content_Types].xml"] = "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
            ["word/document.xml"] = "<w:document <<< detta är inte XML",
        };
        return Zip(parts);
    }

    /// <summary>
    /// A one-page PDF encrypted by the PDF standard security handler, revision 2 (RC4, 40-bit key), written by hand
    /// because PdfPig cannot encrypt. With a user password the file needs it to open; with an empty user password it
    /// opens but is still encrypted (an owner password restricting printing and copying).
    /// </summary>
    public static byte[] EncryptedPdf(string userPassword, string ownerPassword)
    {
        var id = Convert.FromHexString("0123456789ABCDEF0123456789ABCDEF");
        const int permissions = -3904 | 4; // print allowed, modify and copy not
        var owner = Rc4(Md5(Pad(ownerPassword))[..5], Pad(userPassword));
        var key = Md5([.. Pad(userPassword), .. owner, .. BitConverter.GetBytes(permissions), .. id])[..5];
        var user = Rc4(key, Pad(string.Empty));

        var content = Encoding.ASCII.GetBytes("BT /F1 12 Tf 72 720 Td (Hemlig handling) Tj ET");
        var encryptedContent = Rc4(ObjectKey(key, 4), content);
        var objects = new List<byte[]>
        {
            Ascii("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"),
            Ascii("2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"),
            Ascii("3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>\nendobj\n"),
            Ascii($"4 0 obj\n<< /Length {encryptedContent.Length} >>\nstream\n").Concat(encryptedContent).Concat(Ascii("\nendstream\nendobj\n")).ToArray(),
            Ascii("5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n"),
            Ascii($"6 0 obj\n<< /Filter /Standard /V 1 /R 2 /O <{Convert.ToHexString(owner)}> /U <{Convert.ToHexString(user)}> /P {permissions} >>\nendobj\n"),
        };

        using var pdf = new MemoryStream();
        pdf.Write(Ascii("%PDF-1.4\n"));
        var offsets = new List<long>();
        foreach (var item in objects)
        {
            offsets.Add(pdf.Position);
            pdf.Write(item);
        }

        var xref = pdf.Position;
        var table = new StringBuilder($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append(offset.ToString("D10", CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        }

        var hexId = Convert.ToHexString(id);
        table.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R /Encrypt 6 0 R /ID [<{hexId}> <{hexId}>] >>\nstartxref\n{xref}\n%%EOF\n");
        pdf.Write(Ascii(table.ToString()));
        return pdf.ToArray();
    }

    /// <summary>A small valid PNG (a red rectangle, 40 × 20 pixels).</summary>
    public static byte[] Png()
    {
        const int width = 40, height = 20;
        var raw = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            raw.WriteByte(0);
            for (var x = 0; x < width; x++)
            {
                raw.Write([200, 30, 30]);
            }
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(raw.ToArray());
        }

        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", [0, 0, 0, width, 0, 0, 0, height, 8, 2, 0, 0, 0]);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();

        static void Chunk(Stream stream, string type, byte[] data)
        {
            byte[] typeAndData = [.. Encoding.ASCII.GetBytes(type), .. data];
            stream.Write(BigEndian((uint)data.Length));
            stream.Write(typeAndData);
            stream.Write(BigEndian(Crc32(typeAndData)));
        }

        static byte[] BigEndian(uint value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    private static byte[] Zip(Dictionary<string, string> parts)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in parts)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
        }

        return stream.ToArray();
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    // The 32-byte padding string of the PDF standard security handler (ISO 32000-1, 7.6.3.3).
    private static byte[] Pad(string password)
    {
        byte[] padding =
        [
            0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
            0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
        ];
        var bytes = Encoding.Latin1.GetBytes(password);
        return [.. bytes.Take(32), .. padding.Take(32 - Math.Min(32, bytes.Length))];
    }

    private static byte[] ObjectKey(byte[] key, int objectNumber) =>
        Md5([.. key, (byte)objectNumber, (byte)(objectNumber >> 8), (byte)(objectNumber >> 16), 0, 0])[..Math.Min(key.Length + 5, 16)];

#pragma warning disable CA5351 // MD5 and RC4 are what this (old) PDF encryption revision prescribes; here they only make a test file.
    private static byte[] Md5(byte[] data) => MD5.HashData(data);
#pragma warning restore CA5351

    private static byte[] Rc4(byte[] key, byte[] data)
    {
        var s = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        for (int i = 0, j = 0; i < 256; i++)
        {
            j = (j + s[i] + key[i % key.Length]) & 0xFF;
            (s[i], s[j]) = (s[j], s[i]);
        }

        var output = new byte[data.Length];
        for (int n = 0, i = 0, j = 0; n < data.Length; n++)
        {
            i = (i + 1) & 0xFF;
            j = (j + s[i]) & 0xFF;
            (s[i], s[j]) = (s[j], s[i]);
            output[n] = (byte)(data[n] ^ s[(s[i] + s[j]) & 0xFF]);
        }

        return output;
    }
}
