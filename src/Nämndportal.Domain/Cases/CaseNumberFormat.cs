using System.Globalization;
using System.Text.RegularExpressions;
using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Cases;

/// <summary>
/// How an organ writes its diarienummer: a pattern with {prefix}, {year} and {number}, e.g. "{prefix}-{year}-{number}"
/// gives OMF-2024-149 and "{prefix} {year}/{number}" gives SUN 2023/639. A classification code may follow as
/// " - 00" (SUN 2023/639 - 00).
/// </summary>
public sealed record CaseNumberFormat
{
    public const string Default = "{prefix}-{year}-{number}";

    private CaseNumberFormat(string pattern) => Pattern = pattern;

    public string Pattern { get; }

    public static CaseNumberFormat Parse(string? pattern)
    {
        var text = string.IsNullOrWhiteSpace(pattern) ? Default : pattern.Trim();
        foreach (var token in new[] { "{prefix}", "{year}", "{number}" })
        {
            if (Count(text, token) != 1)
            {
                throw new DomainException($"Mönstret för diarienummer ska innehålla {token} exakt en gång, till exempel {Default}.");
            }
        }

        if (text.Replace("{prefix}", string.Empty, StringComparison.Ordinal).Replace("{year}", string.Empty, StringComparison.Ordinal)
                .Replace("{number}", string.Empty, StringComparison.Ordinal).Any(c => char.IsLetterOrDigit(c) || c is '{' or '}'))
        {
            throw new DomainException("Mönstret för diarienummer får bara ha skiljetecken mellan {prefix}, {year} och {number}.");
        }

        return new CaseNumberFormat(text);
    }

    public string Format(string prefix, int year, int number, string? classificationCode = null)
    {
        var text = Pattern
            .Replace("{prefix}", prefix, StringComparison.Ordinal)
            .Replace("{year}", year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{number}", number.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return string.IsNullOrWhiteSpace(classificationCode) ? text : $"{text} - {classificationCode.Trim()}";
    }

    /// <summary>Reads a number typed by hand; false when it does not follow the pattern for this prefix.</summary>
    public bool TryRead(string text, string prefix, out int year, out int number, out string? classificationCode)
    {
        year = number = 0;
        classificationCode = null;
        var expression = "^" + Regex.Escape(Pattern)
            .Replace(Regex.Escape("{prefix}"), Regex.Escape(prefix), StringComparison.Ordinal)
            .Replace(Regex.Escape("{year}"), "(?<year>[0-9]{4})", StringComparison.Ordinal)
            .Replace(Regex.Escape("{number}"), "(?<number>[1-9][0-9]{0,6})", StringComparison.Ordinal)
            + "(?: - (?<code>[0-9A-Za-z.]{1,10}))?$";
        var match = Regex.Match(text?.Trim() ?? string.Empty, expression, RegexOptions.None, TimeSpan.FromSeconds(1));
        if (!match.Success)
        {
            return false;
        }

        year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        number = int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture);
        classificationCode = match.Groups["code"].Success ? match.Groups["code"].Value : null;
        return year is >= 1900 and <= 2200;
    }

    private static int Count(string text, string token) => (text.Length - text.Replace(token, string.Empty, StringComparison.Ordinal).Length) / token.Length;
}
