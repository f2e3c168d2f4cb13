namespace Nämndportal.Domain.Meetings;

/// <summary>
/// The variants of a kallelse pack, all printed from the same agenda. Only <see cref="Members"/> holds secret handlingar.
/// </summary>
public enum PackVariant
{
    /// <summary>For the members called to the meeting (and the secretary): secret handlingar of decision items included.</summary>
    Members,

    /// <summary>
    /// The members' pack for everyone else of the organ who may read its handlingar (officials, administrators): each
    /// secret handling replaced by an ersättningssida naming the OSL provision.
    /// </summary>
    MembersWithoutSecrets,

    /// <summary>The public pack: no secret handling and nothing of a closed item; hidden particulars hidden (rule 21).</summary>
    Public,
}
