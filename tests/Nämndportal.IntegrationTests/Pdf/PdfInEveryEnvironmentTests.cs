using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Nämndportal.Application.Pdf;
using Nämndportal.Application.Meetings;
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
        var model = new NoticeDocumentModel("Exempelby kommun", "Omsorgsnämnden", new DateTimeOffset(2027, 2, 3, 13, 0, 0, TimeSpan.FromHours(1)), null,
            "Stadshuset", null, null, 1, null, [new NoticeItemLine(1, "Val av justerare", null, null, null, false, false, null, null, [])], [], false);

        var pdf = await renderer.RenderAsync(model, new PdfLayout("Kallelse", "Omsorgsnämnden", "2027-02-03"));

        using var document = PdfDocument.Open(pdf);
        string.Concat(document.GetPages().Select(p => p.Text)).ShouldContain("Val av justerare");
    }
}
