namespace Nämndportal.Domain.Meetings;

/// <summary>Where one recipient's e-mail of a kallelse version stands.</summary>
public enum DeliveryStatus
{
    /// <summary>Not yet sent (the job will try).</summary>
    Pending,

    /// <summary>
    /// Handed to the mail server right now. A row still here when a retried job starts was interrupted at an unknown
    /// point: it is not mailed again automatically (no one gets two mails) but shown to the secretary to check.
    /// </summary>
    Sending,

    /// <summary>Accepted by the mail server; never sent again for this version.</summary>
    Sent,

    /// <summary>The last attempt failed; the job retries.</summary>
    Failed,

    /// <summary>No e-mail address: the secretary sends it by post; the portal notice still reaches a login.</summary>
    NoAddress,
}
