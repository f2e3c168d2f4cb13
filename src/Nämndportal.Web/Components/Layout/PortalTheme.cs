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
        },
    };
}
