using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nämndportal.Application.Pdf;

namespace Nämndportal.Infrastructure.Pdf;

/// <summary>
/// PDF/A-2b through Debian's Ghostscript (pdfwrite with -dPDFA=2): fonts embedded, colours converted to RGB, Ghostscript's
/// sRGB profile as the output intent and the XMP identification (pdfaid:part 2, conformance B). Ghostscript runs with
/// -dSAFER and may read only the profile's folder; the files live in a temporary folder removed afterwards.
/// </summary>
public sealed class GhostscriptPdfArchiver(IOptions<PdfOptions> options, ILogger<GhostscriptPdfArchiver> logger) : IPdfArchiver
{
    public async Task<byte[]> ToPdfAAsync(byte[] document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var profile = options.Value.SrgbProfilePath;
        if (!File.Exists(profile))
        {
            throw new InvalidOperationException($"The sRGB profile for PDF/A is missing at {profile} (Debian package ghostscript).");
        }

        var folder = Directory.CreateTempSubdirectory("np-pdfa-");
        try
        {
            var input = Path.Combine(folder.FullName, "in.pdf");
            var output = Path.Combine(folder.FullName, "out.pdf");
            var definition = Path.Combine(folder.FullName, "pdfa.ps");
            await File.WriteAllBytesAsync(input, document, cancellationToken);
            await File.WriteAllTextAsync(definition, Definition(profile), cancellationToken);
            var start = new ProcessStartInfo(options.Value.GhostscriptPath)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[]
                     {
                         "-q", "-dBATCH", "-dNOPAUSE", "-dSAFER", $"--permit-file-read={Path.GetDirectoryName(profile)}/",
                         "-dPDFA=2", "-dPDFACompatibilityPolicy=1", "-sColorConversionStrategy=RGB", "-sDEVICE=pdfwrite",
                         $"-sOutputFile={output}", definition, input,
                     })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("Ghostscript did not start.");
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            var messages = (await stdout) + (await stderr);
            if (process.ExitCode != 0 || !File.Exists(output))
            {
                throw new InvalidOperationException($"Ghostscript could not write PDF/A (exit {process.ExitCode}): {messages.Trim()}");
            }

            if (messages.Length > 0)
            {
                logger.LogDebug("Ghostscript PDF/A: {Messages}", messages.Trim());
            }

            return await File.ReadAllBytesAsync(output, cancellationToken);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    // Ghostscript's own PDFA_def.ps, with the profile path filled in: the output intent every PDF/A needs.
    private static string Definition(string profile) => $$"""
        %!
        /ICCProfile ({{profile}}) def
        [/_objdef {icc_PDFA} /type /stream /OBJ pdfmark
        [{icc_PDFA} << /N 3 >> /PUT pdfmark
        [{icc_PDFA} ICCProfile (r) file /PUT pdfmark
        [/_objdef {OutputIntent_PDFA} /type /dict /OBJ pdfmark
        [{OutputIntent_PDFA} <<
          /Type /OutputIntent
          /S /GTS_PDFA1
          /DestOutputProfile {icc_PDFA}
          /OutputConditionIdentifier (sRGB IEC61966-2.1)
          /Info (sRGB IEC61966-2.1)
        >> /PUT pdfmark
        [{Catalog} << /OutputIntents [ {OutputIntent_PDFA} ] >> /PUT pdfmark
        """;
}
