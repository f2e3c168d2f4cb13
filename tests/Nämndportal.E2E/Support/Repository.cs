namespace Nämndportal.E2E.Support;

internal static class Repository
{
    /// <summary>The checkout's root: the folder holding Nämndportal.sln above the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    public static string Configuration =>
        Environment.GetEnvironmentVariable("NP_CONFIGURATION")
#if DEBUG
        ?? "Debug";
#else
        ?? "Release";
#endif

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Nämndportal.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Nämndportal.sln not found above " + AppContext.BaseDirectory);
    }
}
