using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;
using Nämndportal.Application.Cases;

namespace Nämndportal.Infrastructure.RichText;

/// <summary>
/// The allow-list of ADR 0006 on top of HtmlSanitizer: only the formatting the editor's toolbar offers survives, links
/// keep only http, https and mailto addresses and get rel="noopener noreferrer", and the content of script-like elements
/// is dropped with them (their text is never kept as text).
/// </summary>
public sealed class RichTextSanitizer : IRichTextSanitizer
{
    private static readonly string[] AllowedTags =
        ["h2", "h3", "h4", "p", "br", "ul", "ol", "li", "strong", "b", "em", "i", "table", "thead", "tbody", "tr", "th", "td", "a"];

    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    // Elements whose content is code, metadata or a form control rather than text: removed with everything inside them.
    private static readonly HashSet<string> DroppedWithContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "iframe", "frame", "frameset", "noscript", "noembed", "noframes", "template", "textarea", "title",
        "object", "embed", "applet", "svg", "math", "select", "option", "button", "input", "head", "xmp", "plaintext", "video", "audio",
    };

    // Blocks not on the list are unwrapped; a line break keeps their text apart from what follows.
    private static readonly HashSet<string> UnwrappedBlocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "div", "h1", "h5", "h6", "blockquote", "pre", "section", "article", "header", "footer", "address", "figure", "figcaption",
        "dl", "dt", "dd", "caption",
    };

    private static readonly HashSet<string> TextBreaks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "br", "h2", "h3", "h4", "li", "tr", "td", "th", "table", "ul", "ol",
    };

    private static readonly HtmlParser Parser = new();

    public SanitizedHtml Sanitize(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return new SanitizedHtml(string.Empty, string.Empty, false);
        }

        var changed = false;
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(AllowedTags, StringComparer.OrdinalIgnoreCase),
            // rel is allowed only so that stored HTML passes again unchanged; its value is always set below.
            AllowedAttributes = new HashSet<string>(["href", "rel"], StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(AllowedSchemes, StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
            AllowedClasses = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowDataAttributes = false,
        })
        {
            KeepChildNodes = true,
        };

        sanitizer.RemovingTag += (_, e) =>
        {
            changed = true;
            if (DroppedWithContent.Contains(e.Tag.LocalName))
            {
                while (e.Tag.FirstChild is { } child)
                {
                    e.Tag.RemoveChild(child);
                }
            }
            else if (UnwrappedBlocks.Contains(e.Tag.LocalName) && e.Tag.HasChildNodes)
            {
                e.Tag.AppendChild(e.Tag.Owner!.CreateElement("br"));
            }
        };
        sanitizer.RemovingAttribute += (_, e) => changed = true;
        sanitizer.RemovingStyle += (_, e) => changed = true;
        sanitizer.RemovingCssClass += (_, e) => changed = true;
        sanitizer.RemovingAtRule += (_, e) => changed = true;
        sanitizer.RemovingComment += (_, e) => changed = true;
        // Relative addresses ("/x", "sida.html") would point into the portal itself: only absolute http, https and mailto.
        sanitizer.FilterUrl += (_, e) =>
        {
            if (e.SanitizedUrl is { } url && !IsAbsoluteAllowed(url))
            {
                e.SanitizedUrl = null;
            }
        };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement { LocalName: "a" } link)
            {
                if (link.HasAttribute("href"))
                {
                    link.SetAttribute("rel", "noopener noreferrer");
                }
                else
                {
                    // A link whose address was taken away is only its text.
                    foreach (var child in link.ChildNodes.ToList())
                    {
                        e.ReplacementNodes.Add(child);
                    }

                    changed = true;
                }
            }
        };

        // Empty paragraphs are left where the parser closed a <p> around a list or table; they carry nothing.
        sanitizer.PostProcessDom += (_, e) =>
        {
            foreach (var empty in e.Document.QuerySelectorAll("p").Where(p => !p.HasChildNodes).ToList())
            {
                empty.Remove();
            }
        };

        var safe = sanitizer.Sanitize(html).Trim();
        var text = PlainText(safe);
        // An editor left empty still holds <p><br></p>; store nothing rather than an empty paragraph.
        if (text.Length == 0 && !safe.Contains("<table", StringComparison.OrdinalIgnoreCase))
        {
            safe = string.Empty;
        }

        return new SanitizedHtml(safe, text, changed);
    }

    private static bool IsAbsoluteAllowed(string url) =>
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
        && AllowedSchemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase)
        && (uri.Scheme == Uri.UriSchemeMailto || !string.IsNullOrEmpty(uri.Host));

    private static string PlainText(string html)
    {
        if (html.Length == 0)
        {
            return string.Empty;
        }

        using var document = Parser.ParseDocument("<body>" + html + "</body>");
        var text = new StringBuilder();
        Append(document.Body!, text);
        return string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static void Append(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText textNode)
            {
                text.Append(textNode.Data);
            }
            else if (child is IElement element)
            {
                var breaks = TextBreaks.Contains(element.LocalName);
                if (breaks)
                {
                    text.Append(' ');
                }

                Append(element, text);
                if (breaks)
                {
                    text.Append(' ');
                }
            }
        }
    }
}
