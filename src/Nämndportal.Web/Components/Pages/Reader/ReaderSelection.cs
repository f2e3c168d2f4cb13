namespace Nämndportal.Web.Components.Pages.Reader;

/// <summary>Text the reader selected in the viewer: its page, the quote and up to 100 characters of the page's text around it.</summary>
public sealed record ReaderSelection(int Page, string Quote, string Before, string After);
