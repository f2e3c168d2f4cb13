using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Nämndportal.Application.Pdf;
using Nämndportal.Application.Samples;
using Nämndportal.IntegrationTests.Support;
using UglyToad.PdfPig;

namespace Nämndportal.IntegrationTests.Pdf;

/// <summary>
/// The app's own PDF renderer, taken from its container as configured for each environment: the container
/// validates scopes everywhere, so a renderer that resolved scoped services from the root provider fails here.
/// </summary>
public class PdfInEveryEnvironmentTests(DatabaseFixture database) : IntegrationTest(database)
{
    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task The_apps_renderer_prints_a_document(string environment)
    {
        await using var app = await PortalFactory.StartAsync(Database, configure: builder => builder.UseEnvironment(environment));
        var renderer = app.Services.GetRequiredService<IPdfRenderer>();
        var model = new SampleDocumentModel("Omsorgsnämnden", new DateTimeOffset(2027, 2, 3, 13, 0, 0, TimeSpan.FromHours(1)), "Stadshuset",
            [new SampleSection(1, "Val av justerare", ["Nämnden utser Karin Lind att justera protokollet."])]);

        var pdf = await renderer.RenderAsync(model, new PdfLayout("Kallelse", "Omsorgsnämnden", "2027-02-03"));

        using var document = PdfDocument.Open(pdf);
        string.Concat(document.GetPages().Select(p => p.Text)).ShouldContain("Val av justerare");
    }
}
