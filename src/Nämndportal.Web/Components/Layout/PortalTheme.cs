using MudBlazor;

namespace Nämndportal.Web.Components.Layout;

/// <summary>Colours chosen for WCAG 2.1 AA contrast against white text and backgrounds.</summary>
public static class PortalTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1b4f72",
            Secondary = "#6a1b4d",
            AppbarBackground = "#1b4f72",
            TextSecondary = "rgba(0,0,0,0.70)",
            DrawerText = "rgba(0,0,0,0.87)",
            // Darker than MudBlazor's defaults so alert text keeps 4.5:1 contrast on its tinted background.
            Success = "#1b5e20",
            Error = "#b71c1c",
            Warning = "#7a4f01",
            Info = "#0d47a1",
        },
    };
}
