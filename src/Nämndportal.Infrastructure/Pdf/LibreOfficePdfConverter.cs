using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nämndportal.Application.Pdf;
using Nämndportal.Domain.Cases;

namespace Nämndportal.Infrastructure.Pdf;

/// <summary>
/// Converts DOCX, XLSX and images to PDF with LibreOffice headless from Debian's packages (Writer, Calc and Draw,
/// without a GUI). Every run gets a folder of its own under the temp folder, with a fresh LibreOffice profile
/// (-env:UserInstallation), so runs never share or lock a profile, and the file is written under a fixed name (the
/// user's file name never reaches the command line). A run that takes longer than the timeout is killed with its
/// whole process tree.
/// </summary>
public sealed class LibreOfficePdfConverter(IOptions<LibreOfficeOptions> options, ILogger<LibreOfficePdfConverter> logger) : IPdfConverter, IDisposable
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.Value.MaxConcurrent));

    public async Task<PdfConversion> ConvertAsync(byte[] content, FileKind kind, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (kind == FileKind.Pdf)
        {
            return PdfConversion.Done(content);
        }

        await _slots.WaitAsync(cancellationToken);
        DirectoryInfo? work = null;
        try
        {
            work = Directory.CreateTempSubdirectory("naemndportal-pdf-");
            return await RunAsync(work.FullName, content, kind, cancellationToken);
        }
        finally
        {
            // Released whatever happened, or a few failures would leave every later conversion waiting.
            _slots.Release();
            try
            {
                work?.Delete(recursive: true);
            }
            catch (IOException ex)
            {
                logger.LogWarning(ex, "Could not remove the conversion folder {Folder}", work?.FullName);
            }
        }
    }

    public void Dispose() => _slots.Dispose();

    private async Task<PdfConversion> RunAsync(string work, byte[] content, FileKind kind, CancellationToken cancellationToken)
    {
        var input = Path.Combine(work, "handling" + FileSniffer.Extension(kind));
        var output = Path.Combine(work, "pdf");
        var profile = Path.Combine(work, "profil");
        await File.WriteAllBytesAsync(input, content, cancellationToken);

        var start = new ProcessStartInfo(options.Value.Path)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = work,
        };
        foreach (var argument in (string[])
                 ["--headless", "--invisible", "--nologo", "--nodefault", "--nolockcheck", "--norestore",
                  "-env:UserInstallation=" + new Uri(profile + "/").AbsoluteUri,
                  "--convert-to", "pdf", "--outdir", output, input])
        {
            start.ArgumentList.Add(argument);
        }

        // LibreOffice also writes under HOME; keep that inside the run's own folder too.
        start.Environment["HOME"] = work;

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("soffice did not start.");
        }
        catch (Win32Exception ex)
        {
            logger.LogError(ex, "LibreOffice ({Path}) could not be started; install libreoffice-writer-nogui, -calc-nogui and -draw-nogui", options.Value.Path);
            return PdfConversion.Failed("programmet som gör PDF:er (LibreOffice) saknas på servern. Kontakta förvaltningens support");
        }

        using (process)
        {
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Kill(process);
                cancellationToken.ThrowIfCancellationRequested();
                logger.LogWarning("LibreOffice took longer than {Timeout} and was stopped", options.Value.Timeout);
                return PdfConversion.Failed($"konverteringen tog längre än {Describe(options.Value.Timeout)} och avbröts");
            }

            var pdf = Path.Combine(output, "handling.pdf");
            if (process.ExitCode == 0 && File.Exists(pdf) && new FileInfo(pdf).Length > 0)
            {
                return PdfConversion.Done(await File.ReadAllBytesAsync(pdf, cancellationToken));
            }

            // The output names only our own fixed paths, never the user's file name or content.
            logger.LogWarning("LibreOffice made no PDF (exit code {ExitCode}): {Output}", process.ExitCode, (await stdout + await stderr).Trim());
            return PdfConversion.Failed("LibreOffice kunde inte läsa filen. Den kan vara skadad, eller använda något som LibreOffice inte klarar");
        }
    }

    private void Kill(Process process)
    {
        try
        {
            // soffice is a launcher: the work is done by soffice.bin, its child, which must go too.
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // It ended on its own in the meantime.
        }
        catch (Win32Exception ex)
        {
            logger.LogError(ex, "Could not stop LibreOffice (process {ProcessId})", process.Id);
        }
    }

    private static string Describe(TimeSpan timeout) =>
        timeout.TotalMinutes >= 1 && timeout.Seconds == 0
            ? $"{(int)timeout.TotalMinutes} {(timeout.TotalMinutes == 1 ? "minut" : "minuter")}"
            : $"{(int)Math.Ceiling(timeout.TotalSeconds)} sekunder";
}
