using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using TrainingNetwork.Web.Tests.Infrastructure;

namespace TrainingNetwork.EndToEnd.Tests.Infrastructure;

/// <summary>The real app on Kestrel at a free loopback port, so a real browser can reach it.</summary>
public sealed class LivePortal : PortalFactory
{
    public LivePortal() => UseKestrel(0);

    public Uri BaseAddress => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}
