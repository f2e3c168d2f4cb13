namespace Nämndportal.E2E.Support;

/// <summary>The shared app for the journeys that do not change users: demo data, second factor not enforced.</summary>
public sealed class PortalFixture : IAsyncLifetime
{
    public AppProcess App { get; private set; } = null!;

    public BrowserFixture Browser { get; } = new();

    /// <summary>The app's database, for a journey that sets up what the UI of another issue will create.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        await Browser.InitializeAsync();
        ConnectionString = await TestDatabase.RecreateAsync("naemndportal_e2e");
        App = await AppProcess.StartAsync(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Browser.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PortalGroup : ICollectionFixture<PortalFixture>
{
    public const string Name = "portal";
}
