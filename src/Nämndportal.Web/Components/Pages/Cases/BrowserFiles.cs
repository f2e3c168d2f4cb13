using Microsoft.AspNetCore.Components.Forms;

namespace Nämndportal.Web.Components.Pages.Cases;

/// <summary>Reading a file chosen in the browser, within the upload limit.</summary>
public static class BrowserFiles
{
    /// <summary>
    /// The file's bytes, or null when it is larger than the limit (the use case would refuse it anyway; this spares
    /// sending it over the circuit first).
    /// </summary>
    public static async Task<byte[]?> ReadAsync(IBrowserFile file, long maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Size > maxBytes)
        {
            return null;
        }

        var content = new byte[file.Size];
        await using var stream = file.OpenReadStream(maxBytes, cancellationToken);
        await stream.ReadExactlyAsync(content, cancellationToken);
        return content;
    }
}
