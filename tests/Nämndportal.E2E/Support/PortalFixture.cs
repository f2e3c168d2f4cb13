namespace Nämndportal.E2E.Support;

/// <summary>The shared app for the journeys that do not change users: demo data, second factor not enforced.</summary>
public sealed class PortalFixture : IAsyncLifetime
{
    public AppProcess App { get; private set; } = null!;

    public BrowserFixture Browser { get; } = new();

    /// <summary>The SMTP server the portal sends its mail to (a real one, in this process, on loopback).</summary>
    public IntegrationTests.Support.SmtpTestServer Smtp { get; private set; } = null!;

    /// <summary>The app's database, for a journey that sets up what the UI of another issue will create.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        await Browser.InitializeAsync();
        ConnectionString = await TestDatabase.RecreateAsync("naemndportal_e2e");
        Smtp = await IntegrationTests.Support.SmtpTestServer.StartAsync();
        App = await AppProcess.StartAsync(ConnectionString, Smtp.MailSettings.ToDictionary(s => s.Key, s => s.Value ?? string.Empty), sendDemoKallelser: true);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Browser.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PortalGroup : ICollectionFixture<PortalFixture>
{
    public const string Name = "portal";
}
