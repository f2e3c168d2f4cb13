using Nämndportal.Infrastructure.RichText;

namespace Nämndportal.IntegrationTests.Cases;

/// <summary>The allow-list of ADR 0006, without a database.</summary>
public class RichTextSanitizerTests
{
    private readonly RichTextSanitizer _sanitizer = new();

    [Theory]
    [InlineData("<h2>A</h2><h3>B</h3><h4>C</h4><p>D<br>E</p>")]
    [InlineData("<ul><li><strong>Fet</strong> och <b>fet</b></li></ul><ol><li><em>Kursiv</em> och <i>kursiv</i></li></ol>")]
    [InlineData("<table><thead><tr><th>År</th></tr></thead><tbody><tr><td>2027</td></tr></tbody></table>")]
    [InlineData("<p><a href=\"https://www.exempelby.se/\" rel=\"noopener noreferrer\">Webb</a> <a href=\"mailto:kansli@exempelby.se\" rel=\"noopener noreferrer\">e-post</a></p>")]
    public void Allowed_formatting_passes_unchanged(string html)
    {
        var result = _sanitizer.Sanitize(html);

        result.Html.ShouldBe(html);
        result.Changed.ShouldBeFalse();
    }

    [Theory]
    [InlineData("<p>Text<script>alert(1)</script></p>", "<p>Text</p>")]
    [InlineData("<p onclick=\"alert(1)\" onmouseover=\"x()\">Text</p>", "<p>Text</p>")]
    [InlineData("<p style=\"color:red\" class=\"rod\" id=\"x\" data-x=\"1\">Text</p>", "<p>Text</p>")]
    [InlineData("<p><a href=\"javascript:alert(1)\">Länk</a></p>", "<p>Länk</p>")]
    [InlineData("<p><a href=\"data:text/html;base64,PHNjcmlwdD4=\">Länk</a></p>", "<p>Länk</p>")]
    [InlineData("<p><a href=\"/admin/jobb\">Länk</a></p>", "<p>Länk</p>")]
    [InlineData("<p><a href=\"https://x.se\" target=\"_blank\" rel=\"opener\">Länk</a></p>", "<p><a href=\"https://x.se\" rel=\"noopener noreferrer\">Länk</a></p>")]
    [InlineData("<img src=\"x\" onerror=\"alert(1)\"><iframe src=\"https://ond.example\">ram</iframe><style>p{}</style><p>Kvar</p>", "<p>Kvar</p>")]
    [InlineData("<svg><script>alert(1)</script></svg><math><mi>x</mi></math><p>Kvar</p>", "<p>Kvar</p>")]
    [InlineData("<h1>Stor</h1><div>Ett</div><span>Två</span>", "Stor<br>Ett<br>Två")]
    public void Anything_else_is_removed_and_reported(string html, string expected)
    {
        var result = _sanitizer.Sanitize(html);

        result.Html.ShouldBe(expected);
        result.Changed.ShouldBeTrue();
    }

    [Fact]
    public void Plain_text_has_no_markup_decoded_entities_and_single_spaces()
    {
        var result = _sanitizer.Sanitize("<h3>Rubrik</h3><p>Ex<b>empel</b> &auml;r&nbsp;&lt;h&auml;r&gt;</p><ul><li>ett</li><li>två</li></ul><table><tr><td>A</td><td>B</td></tr></table>");

        result.PlainText.ShouldBe("Rubrik Exempel är <här> ett två A B");
    }

    [Fact]
    public void An_empty_editor_and_empty_paragraphs_are_stored_as_nothing()
    {
        _sanitizer.Sanitize("<p><br></p>").Html.ShouldBe(string.Empty);
        _sanitizer.Sanitize("  ").Html.ShouldBe(string.Empty);
        _sanitizer.Sanitize("<p><ol><li>Punkt</li></ol></p>").Html.ShouldBe("<ol><li>Punkt</li></ol>");
    }

    [Fact]
    public void Cleaning_twice_changes_nothing_more()
    {
        var once = _sanitizer.Sanitize("<p onclick=\"x()\"><a href=\"https://x.se\">a</a><script>y()</script></p><div>b</div>");
        var twice = _sanitizer.Sanitize(once.Html);

        twice.Html.ShouldBe(once.Html);
        twice.Changed.ShouldBeFalse();
    }
}
