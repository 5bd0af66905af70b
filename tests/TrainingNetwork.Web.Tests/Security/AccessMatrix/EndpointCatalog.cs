using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace TrainingNetwork.Web.Tests.Security.AccessMatrix;

/// <summary>One row of the access matrix: an HTTP method on a route template, with the Razor page handler name ("" for none).</summary>
public sealed record MatrixKey(string Method, string Route, string Handler)
{
    public override string ToString() => Handler.Length == 0 ? $"{Method} {Route}" : $"{Method} {Route} handler {Handler}";
}

/// <summary>
/// Every endpoint the running app maps, as matrix keys. A Razor page is listed once per handler method, under its shortest
/// route ("/Cases", not also "/Cases/Index"); a page without a GET handler still answers GET, so it gets a GET row too.
/// Endpoints with no method constraint (health checks) are listed as "*". Static assets, one endpoint per file, share
/// the single row <see cref="StaticAssets"/>.
/// </summary>
public sealed record EndpointCatalog(IReadOnlyList<MatrixKey> Keys, IReadOnlyList<CompiledPageActionDescriptor> Pages, string StaticAssetPath)
{
    public const string StaticAssets = "/{static asset}";

    public static async Task<EndpointCatalog> ReadAsync(IServiceProvider services)
    {
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var keys = new List<MatrixKey>();
        var pages = new List<CompiledPageActionDescriptor>();

        var pageEndpoints = endpoints.Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .GroupBy(e => (e.Metadata.GetMetadata<PageActionDescriptor>()!.AreaName, e.Metadata.GetMetadata<PageActionDescriptor>()!.ViewEnginePath))
            .Select(page => page.MinBy(e => e.RoutePattern.RawText!.Length)!);
        var loader = services.GetRequiredService<PageLoader>();
        foreach (var endpoint in pageEndpoints)
        {
            var page = await loader.LoadAsync(endpoint.Metadata.GetMetadata<PageActionDescriptor>()!, endpoint.Metadata);
            pages.Add(page);
            var route = RouteOf(endpoint);
            var handlers = page.HandlerMethods.Select(h => new MatrixKey(h.HttpMethod.ToUpperInvariant(), route, h.Name ?? "")).ToList();
            if (handlers.All(h => h.Method != HttpMethods.Get))
            {
                handlers.Add(new MatrixKey(HttpMethods.Get, route, ""));
            }

            keys.AddRange(handlers);
        }

        var staticAssets = endpoints.Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is not null).ToList();
        if (staticAssets.Count > 0)
        {
            keys.Add(new MatrixKey(HttpMethods.Get, StaticAssets, ""));
        }

        foreach (var endpoint in endpoints.Except(staticAssets).Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is null))
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"];
            keys.AddRange(methods.Select(method => new MatrixKey(method, RouteOf(endpoint), "")));
        }

        var staticAssetPath = staticAssets.Select(RouteOf).Order(StringComparer.Ordinal).FirstOrDefault() ?? "";
        return new EndpointCatalog([.. keys.Distinct()], pages, staticAssetPath);
    }

    private static string RouteOf(RouteEndpoint endpoint) => "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
}
