using System.Globalization;
using Nämndportal.Domain.Common;

namespace Nämndportal.Application.Reader;

/// <summary>
/// The spårbarhetsstämpel: "Nedladdad av {name} {yyyy-MM-dd HH.mm}" (Stockholm time) on every page of a download from the
/// meeting reader, so a copy that leaks tells whose it was and when it was taken.
/// </summary>
public static class TraceabilityStamp
{
    public static string Text(string name, DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"Nedladdad av {name} {SwedishTime.ToLocal(at):yyyy-MM-dd HH.mm}");
}
