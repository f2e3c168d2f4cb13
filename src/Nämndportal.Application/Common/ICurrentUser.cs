namespace Nämndportal.Application.Common;

/// <summary>Who is asking. In a web request or circuit it is the signed-in user; in a background job it is the job's requester or the system.</summary>
public interface ICurrentUser
{
    Guid? UserId { get; }

    /// <summary>The user name, for created-by and modified-by columns and the audit trail.</summary>
    string? UserName { get; }

    bool IsAuthenticated { get; }

    /// <summary>The client's IP address ("from where", for the audit trail); null in a background job.</summary>
    string? RemoteAddress { get; }

    bool IsInRole(string role);
}
