using Nämndportal.Domain.Organisation;

namespace Nämndportal.Application.Organisation;

/// <summary>Roles as written in a roster file: the Swedish names, any case.</summary>
public static class MembershipRoleNames
{
    public static bool TryParse(string? text, out MembershipRole role)
    {
        foreach (var candidate in Enum.GetValues<MembershipRole>())
        {
            if (string.Equals(candidate.SwedishName(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
    }

    public static string Allowed => string.Join(", ", Enum.GetValues<MembershipRole>().Select(r => r.SwedishName().ToLowerInvariant()));
}
