using Nämndportal.Application.Common;
using Nämndportal.Domain.Cases;

namespace Nämndportal.Application.Files;

/// <summary>An uploaded file that passed the checks: its name without a path, and the content type its bytes show.</summary>
public sealed record CheckedUpload(string FileName, string ContentType);

/// <summary>
/// The checks every single-file upload outside a case's handlingar passes (a decision document, a granskningsrapport):
/// not larger than allowed, a name of at most 200 characters, and bytes that are what the name says (<see cref="FileSniffer"/>).
/// </summary>
public static class UploadedFile
{
    public static Result<CheckedUpload> Check(string? fileName, byte[]? content, long maxBytes)
    {
        if (content is null || content.LongLength > maxBytes)
        {
            return Error.Invalid($"Filen är för stor. Största tillåtna storlek är {maxBytes / (1024 * 1024)} MB.");
        }

        var name = Path.GetFileName(fileName ?? string.Empty).Trim();
        if (name.Length is 0 or > 200)
        {
            return Error.Invalid("Filen måste ha ett namn på högst 200 tecken.");
        }

        var check = FileSniffer.Check(name, content);
        return check.IsAccepted
            ? Result<CheckedUpload>.Ok(new CheckedUpload(name, FileSniffer.ContentType(check.Kind!.Value)))
            : Error.Invalid(check.Problem!);
    }
}
