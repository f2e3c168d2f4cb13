using System.Globalization;
using Hangfire;
using Nämndportal.Application;
using Nämndportal.Infrastructure;
using Nämndportal.Infrastructure.Identity;
using Nämndportal.Infrastructure.Persistence;
using Nämndportal.Infrastructure.Seeding;
using Nämndportal.Web;
using Nämndportal.Web.Components;
using Nämndportal.Web.Endpoints;
using Nämndportal.Web.Security;
using Serilog;
using Serilog.Events;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.GetCultureInfo("sv-SE");
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("sv-SE");

var builder = WebApplication.CreateBuilder(args);
// Scopes and the whole container are validated in every environment, not only Development: a service that
// resolves a scoped one from the root provider fails at start-up and in every test, never first for a user.
builder.Host.UseDefaultServiceProvider(options =>
{
    options.ValidateScopes = true;
    options.ValidateOnBuild = true;
});
// Serve package assets (MudBlazor) from the build output in every environment, not only Development.
builder.WebHost.UseStaticWebAssets();
// One name per process among several instances (Portal:InstanceName): in every log line and on /health/*.
var instanceName = Nämndportal.Application.Meetings.PortalOptions.ResolveInstanceName(
    builder.Configuration["Portal:InstanceName"], builder.Configuration["ASPNETCORE_URLS"] ?? builder.Configuration["urls"]);
builder.Configuration["Portal:InstanceName"] = instanceName;
builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services)
    .Enrich.FromLogContext()
    .Enrich.WithProperty("Instance", instanceName));

builder.Services.AddApplication(builder.Configuration);
builder.Services.AddInfrastructure(builder.Configuration);
builder.Services.AddWeb(builder.Configuration);
builder.Services.AddCalendarFeedRateLimit();

// Kestrel's own "Server: Kestrel" header names the software to an attacker; it is not sent.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

var app = builder.Build();

// `Nämndportal.Web migrate` applies the migrations and exits: the production way (see README).
if (args.Contains("migrate", StringComparer.Ordinal))
{
    await using var scope = app.Services.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync();
    Log.Information("Migrations applied");
    return;
}

// `Nämndportal.Web create-admin EMAIL "Full Name"` creates the first administrator of a new installation.
// The password is read from NP_ADMIN_PASSWORD or, if that is unset, from the first line of standard input.
if (args is ["create-admin", var adminEmail, .. var rest])
{
    var password = Environment.GetEnvironmentVariable("NP_ADMIN_PASSWORD") ?? Console.ReadLine() ?? string.Empty;
    await using var scope = app.Services.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync();
    var problems = await scope.ServiceProvider.GetRequiredService<AdministratorAccounts>()
        .CreateAsync(adminEmail, rest.Length > 0 ? rest[0] : adminEmail, password);
    foreach (var problem in problems)
    {
        await Console.Error.WriteLineAsync(problem);
    }

    Environment.ExitCode = problems.Count == 0 ? 0 : 1;
    return;
}

await using (var scope = app.Services.CreateAsyncScope())
{
    if (app.Configuration.GetValue<bool>("Database:MigrateOnStartup"))
    {
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync();
    }

    if (app.Configuration.GetValue<bool>("Database:SeedDemoData"))
    {
        await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync();
    }
}

app.UseSecurityHeaders(SecurityHeaders.Policies(app.Environment.IsDevelopment()));
app.UseExceptionHandler("/fel", createScopeForErrors: true);
app.UseStatusCodePagesWithReExecute("/status/{0}");
app.UseSerilogRequestLogging(options =>
{
    options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} svarade {StatusCode} på {Elapsed:0.0} ms";
    // A request the browser abandoned (the user moved on while a page or file loaded) ends in a cancelled
    // operation: the exception handler answers it as aborted, and it is no error of the portal's.
    options.GetLevel = (context, _, exception) =>
        context.RequestAborted.IsCancellationRequested ? LogEventLevel.Information
        // The database away: TransientFailurePage answers 503 and logs a warning; not an error of the portal's code.
        : TransientDatabaseFailure.Is(exception) ? LogEventLevel.Warning
        : exception is not null || context.Response.StatusCode >= StatusCodes.Status500InternalServerError ? LogEventLevel.Error
        : LogEventLevel.Information;
});
app.UseRequestLocalization();
app.UseLoginRateLimiting();
app.UseAuthentication();
app.UseAuthorization();
app.UseMiddleware<TwoFactorEnrolmentMiddleware>();
app.UseAntiforgery();
app.UseMiddleware<StaleFormMiddleware>();
// The public anslagstavla's pages for anonymous visitors (policy PublicPages, evicted on every instance on publish).
app.UseOutputCache();

app.MapStaticAssets();
app.MapHealthEndpoints();
app.MapAccountEndpoints();
app.MapFileEndpoints();
app.MapDocumentEndpoints();
app.MapReaderEndpoints();
app.MapRosterEndpoints();
app.MapDelegationEndpoints();
app.MapFollowUpEndpoints();
app.MapAuditTrailEndpoints();
app.MapCalendarEndpoints();
app.MapNoticeBoardEndpoints();
// Hangfire answers "text/html" without a charset, and a browser may then read its UTF-8 pages as Latin-1.
app.UseWhen(
    context => context.Request.Path.StartsWithSegments("/admin/jobb", StringComparison.Ordinal),
    dashboard => dashboard.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            if (context.Response.ContentType is "text/html")
            {
                context.Response.ContentType = "text/html; charset=utf-8";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }));
app.MapHangfireDashboard("/admin/jobb", new DashboardOptions
{
    Authorization = [new HangfireDashboardAuthorization()],
    DashboardTitle = "Nämndportal – jobbkö",
    AppPath = "/",
});
// The frame-ancestors rule is part of the one Content-Security-Policy the security headers send; Blazor adds no second one.
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null);

await app.RunAsync();

/// <summary>The entry point; public so the integration tests can host it.</summary>
public partial class Program;
