using Microsoft.AspNetCore.OutputCaching;
using Nämndportal.Infrastructure.NoticeBoard;

namespace Nämndportal.Web.NoticeBoard;

/// <summary>
/// The output cache of the public anslagstavla (glossary: utdatacache): policy <see cref="PolicyName"/> on the pages under
/// Components/Pages/NoticeBoard. Only anonymous requests: one that carries the login cookie is neither served from the cache
/// nor stored in it, and a response that sets a cookie (other than the antiforgery token Blazor hands every page) is
/// never stored. Varies by the page number; expires after
/// <see cref="Expiry"/> even without an eviction, because the board changes with the date in Stockholm.
/// </summary>
public static class PublicPageOutputCache
{
    public const string PolicyName = "PublicPages";

    /// <summary>The name of the login cookie (WebServiceCollectionExtensions); a chunked cookie keeps this name for its first part.</summary>
    public const string AuthenticationCookie = "np.auth";

    /// <summary>The antiforgery cookie's name (WebServiceCollectionExtensions).</summary>
    public const string AntiforgeryCookie = "np.af";

    /// <summary>The safety net: the longest a page lives if no eviction comes (a lost notification, the date's turn).</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(60);

    public static IServiceCollection AddPublicPageOutputCache(this IServiceCollection services) =>
        services.AddOutputCache(options => options.AddPolicy(PolicyName, policy => policy
            .AddPolicy<AnonymousOnly>()
            .Expire(Expiry)
            .Tag(PostgresPublicPageCache.Tag)
            .SetVaryByQuery("sida")));

    /// <summary>Refuses the cache to a browser that carries the login cookie, valid or not, and to any response setting a cookie.</summary>
    private sealed class AnonymousOnly : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var request = context.HttpContext.Request;
            if (request.Cookies.ContainsKey(AuthenticationCookie) || context.HttpContext.User.Identity?.IsAuthenticated == true)
            {
                context.EnableOutputCaching = false;
                context.AllowCacheLookup = false;
                context.AllowCacheStorage = false;
                return ValueTask.CompletedTask;
            }

            // Blazor's static rendering hands every page an antiforgery token (its cookie, np.af) whether or not the page
            // has a form; the public pages have none, and an anonymous visitor's token protects nothing here. That cookie
            // is dropped as the response starts, so the page can be stored; any other cookie keeps it out of the cache.
            var response = context.HttpContext.Response;
            response.OnStarting(() =>
            {
                var cookies = response.Headers.SetCookie;
                if (cookies.Count > 0)
                {
                    response.Headers.SetCookie = new Microsoft.Extensions.Primitives.StringValues(
                        cookies.Where(cookie => cookie is not null && !cookie.StartsWith(AntiforgeryCookie + "=", StringComparison.Ordinal)).ToArray());
                }

                return Task.CompletedTask;
            });
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            if (context.HttpContext.Response.Headers.SetCookie.Count > 0)
            {
                context.AllowCacheStorage = false;
            }

            return ValueTask.CompletedTask;
        }
    }
}
