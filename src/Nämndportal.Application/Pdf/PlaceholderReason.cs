namespace Nämndportal.Application.Pdf;

/// <summary>Why an ersättningssida stands in a pack in place of a handling.</summary>
public enum PlaceholderReason
{
    /// <summary>A secret handling in a pack for someone who may not read it (the public pack, or not called).</summary>
    Secret,

    /// <summary>A document of a closed item (enskilt ärende) in the public pack; the page names the item's public title.</summary>
    ClosedItem,

    /// <summary>The PDF cannot be parsed (found by the assembler, or known before).</summary>
    Corrupt,

    /// <summary>The PDF is encrypted or needs a password (found by the assembler, or known before).</summary>
    Encrypted,

    /// <summary>The handling's PDF rendition is not ready yet.</summary>
    NotConverted,

    /// <summary>The handling could not be converted to PDF.</summary>
    ConversionFailed,
}
