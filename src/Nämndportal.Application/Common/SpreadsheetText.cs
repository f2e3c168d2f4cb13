namespace Nämndportal.Application.Common;

/// <summary>
/// Text for a cell of an exported CSV or workbook. A spreadsheet runs a cell that begins with =, +, -, @ (or a tab
/// or carriage return before one) as a formula (CSV injection), so such text is written with a leading apostrophe,
/// which the spreadsheet shows as plain text.
/// </summary>
public static class SpreadsheetText
{
    public static string Safe(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty
        : "=+-@\t\r".Contains(text[0], StringComparison.Ordinal) ? "'" + text : text;
}
