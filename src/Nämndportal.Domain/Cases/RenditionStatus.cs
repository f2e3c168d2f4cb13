namespace Nämndportal.Domain.Cases;

/// <summary>Where a version stands in getting its PDF for reading and for the kallelse pack.</summary>
public enum RenditionStatus
{
    /// <summary>The file is itself a PDF.</summary>
    NotNeeded,

    /// <summary>Queued for conversion (LibreOffice, in a background job).</summary>
    Pending,

    Ready,

    /// <summary>Conversion failed; <see cref="DocumentVersion.RenditionError"/> says why, in Swedish.</summary>
    Failed,
}
