using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace WebhookReceiver.Internal;

/// <summary>
/// At start-up, for every scheme that signs the URL (Twilio, Square, HubSpot) without <c>PublicBaseUrl</c>: the URL it
/// verifies against comes from the request's Host header, which a sender chooses. Unless forwarded headers (with the
/// host) or <c>AllowedHosts</c> pin it, that is a warning in Development and an error elsewhere.
/// </summary>
internal sealed class WebhookUrlTrustValidator(
    WebhookSchemeRegistry registry,
    IServiceProvider services,
    IOptions<ForwardedHeadersOptions> forwarded,
    IOptions<HostFilteringOptions> hosts,
    ILoggerFactory loggers) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (HostIsPinned())
            return Task.CompletedTask;
        var logger = loggers.CreateLogger("WebhookReceiver");
        foreach (var name in registry.Names)
        {
            var scheme = registry.GetHandle(name).Current;
            if (!scheme.RequiresUrl || scheme.PublicBase is not null)
                continue;
            if (services.GetService(typeof(IHostEnvironment)) is not IHostEnvironment environment || !environment.IsDevelopment())
                throw new InvalidOperationException(
                    $"Webhook scheme '{name}' signs the URL it calls, but neither its PublicBaseUrl nor the host is pinned: the URL would be "
                    + "taken from the request's Host header, which any sender chooses. Set Webhooks:Schemes:" + name + ":PublicBaseUrl "
                    + "(e.g. https://hooks.example.com), or configure AllowedHosts (host filtering) or forwarded headers with X-Forwarded-Host "
                    + "from known proxies.");
            WebhookLog.UrlFromHostHeader(logger, name);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private bool HostIsPinned()
        => (forwarded.Value.ForwardedHeaders & ForwardedHeaders.XForwardedHost) != 0
           || hosts.Value.AllowedHosts is { Count: > 0 } allowed && !allowed.Contains("*");
}
