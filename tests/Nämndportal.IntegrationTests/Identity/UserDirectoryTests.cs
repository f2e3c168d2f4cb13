using Microsoft.Extensions.DependencyInjection;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Identity;

/// <summary>The login directory as a Blazor circuit uses it: one scope, several sections of a page asking at once.</summary>
public class UserDirectoryTests(DatabaseFixture database) : IntegrationTest(database)
{
    [Fact]
    public async Task Sections_of_one_page_asking_for_names_at_the_same_moment_all_get_them()
    {
        var officer = await CreateUserAsync("nyanstalld.handlaggare", Roles.CaseOfficer);
        await using var app = await PortalFactory.StartAsync(Database);
        await using var scope = app.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<IUserDirectory>();

        // The case page, its handlingar and its tjänsteskrivelse load together in one circuit (one scope).
        var calls = Enumerable.Range(0, 12).Select(i => i % 3 == 0
            ? directory.ContactAsync(officer.UserId!.Value).ContinueWith(t => t.Result?.Email, TaskScheduler.Default)
            : directory.DisplayNamesAsync([officer.UserId!.Value]).ContinueWith(t => (string?)t.Result[officer.UserId!.Value], TaskScheduler.Default));
        var answers = await Task.WhenAll(calls);

        answers.ShouldAllBe(a => a == "nyanstalld.handlaggare@exempelby.se");
    }
}
