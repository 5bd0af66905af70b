using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrainingNetwork.Web.Tests.Infrastructure;

namespace TrainingNetwork.Web.Tests.Security;

/// <summary>The portal on a clock the test moves forward, with browsers whose cookies the test can read and plant.</summary>
public sealed class SessionPortalFactory : PortalFactory
{
    public ShiftedClock Clock { get; } = new();

    public CookieAuthenticationOptions SessionCookie =>
        Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);

    /// <summary>A browser that follows no redirects and keeps its cookies in <paramref name="jar"/>.</summary>
    public HttpClient Browser(CookieContainer jar, string? userAgent = null)
    {
        var client = CreateDefaultClient(ClientBaseAddress, new CookieContainerHandler(jar));
        if (userAgent is not null)
        {
            client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        }

        return client;
    }

    /// <summary>The value of the session cookie in <paramref name="jar"/>, or null when it holds none.</summary>
    public string? SessionCookieIn(CookieContainer jar) => jar.GetCookies(ClientBaseAddress)[SessionCookie.Cookie.Name!]?.Value;

    public void Plant(CookieContainer jar, string sessionCookieValue) =>
        jar.Add(ClientBaseAddress, new Cookie(SessionCookie.Cookie.Name!, sessionCookieValue, "/"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>The real clock, moved forward by as much as the test says.</summary>
public sealed class ShiftedClock : TimeProvider
{
    private TimeSpan _shift;

    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + _shift;

    public void Advance(TimeSpan by) => _shift += by;

    public void Reset() => _shift = TimeSpan.Zero;
}
