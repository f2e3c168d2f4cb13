using System.Text.RegularExpressions;

namespace Nämndportal.Domain.Common;

/// <summary>
/// Finds Swedish personnummer and samordningsnummer in text (rule 24): ten or twelve digits, with or without "-" or "+"
/// before the last four, whose date is a real day (a samordningsnummer adds 60 to the day) and whose last digit is the
/// Luhn check digit of the ten. Digit runs that only look like one (an order number, a date and a phone extension) are
/// not reported, so publishing is not stopped for nothing.
/// </summary>
public static partial class PersonalIdentityNumbers
{
    public static IReadOnlyList<string> Find(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        return Candidate().Matches(text)
            .Select(m => m.Value)
            .Where(IsValid)
            .Distinct()
            .ToList();
    }

    /// <summary>Whether <paramref name="candidate"/> is a personnummer or samordningsnummer with a real date and a valid check digit.</summary>
    public static bool IsValid(string candidate)
    {
        var digits = new string(candidate.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length is not (10 or 12))
        {
            return false;
        }

        var ten = digits.Length == 12 ? digits[2..] : digits;
        var month = int.Parse(ten.AsSpan(2, 2), System.Globalization.CultureInfo.InvariantCulture);
        var day = int.Parse(ten.AsSpan(4, 2), System.Globalization.CultureInfo.InvariantCulture);
        if (day > 60)
        {
            day -= 60; // samordningsnummer
        }

        var year = digits.Length == 12
            ? int.Parse(digits.AsSpan(0, 4), System.Globalization.CultureInfo.InvariantCulture)
            : 2000 + int.Parse(ten.AsSpan(0, 2), System.Globalization.CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        return Luhn(ten);
    }

    private static bool Luhn(string ten)
    {
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            var d = ten[i] - '0';
            if (i % 2 == 0)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return sum % 10 == 0;
    }

    // Not part of a longer number: 12 or 10 digits, optionally with - or + (or a space) before the last four.
    [GeneratedRegex(@"(?<![\d-])(?:\d{8}|\d{6})[-+ ]?\d{4}(?![\d])")]
    private static partial Regex Candidate();
}
