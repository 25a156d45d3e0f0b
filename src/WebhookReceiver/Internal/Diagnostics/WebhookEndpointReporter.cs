using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace WebhookReceiver.Internal;

/// <summary>
/// Says at start-up which webhook endpoints the application mapped, one line each, e.g.
/// <c>Webhook endpoint POST /webhooks/stripe verified by scheme stripe (stripe)</c>: <c>MapWebhook</c> endpoints and
/// <see cref="VerifyWebhookAttribute"/> actions alike. Runs once every hosted service has started, when routing is built.
/// </summary>
internal sealed partial class WebhookEndpointReporter(IServiceProvider services, WebhookSchemeRegistry registry, IOptions<WebhookOptions> options,
    ILoggerFactory loggerFactory) : IHostedLifecycleService
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("WebhookReceiver");

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        // Building the endpoints here, whatever the log level, also runs their start-up checks (AddWebhookVerification's):
        // a misconfigured endpoint stops the app now rather than at its first request.
        if (services.GetService<EndpointDataSource>() is not { } endpoints)
            return Task.CompletedTask;
        var schemes = registry.Names.ToHashSet(StringComparer.Ordinal);
        foreach (var endpoint in endpoints.Endpoints)
        {
            var scheme = endpoint.Metadata.GetMetadata<WebhookEndpointMetadata>()?.Scheme ?? endpoint.Metadata.GetMetadata<VerifyWebhookAttribute>()?.Scheme;
            if (endpoint.Metadata.GetMetadata<WebhookDispatcher>() is { } dispatcher)
            {
                CheckPayloadTypes(endpoint, dispatcher);
                if (scheme is not null && schemes.Contains(scheme))
                    CheckEnvelopes(endpoint, dispatcher, registry.GetHandle(scheme).Current);
            }
            if (scheme is null || !schemes.Contains(scheme) || !_logger.IsEnabled(LogLevel.Information))
                continue;
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } list ? string.Join(", ", list) : "*";
            var pattern = (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? endpoint.DisplayName ?? "?";
            EndpointMapped(_logger, methods, pattern.StartsWith('/') ? pattern : "/" + pattern, scheme, registry.GetHandle(scheme).Provider.Id);
        }
        return Task.CompletedTask;
    }

    // A payload type the JSON resolver cannot produce (a source-generated context without it, under Native AOT) would
    // answer every delivery 400: stop the app now, naming the type and the fix.
    private void CheckPayloadTypes(Endpoint endpoint, WebhookDispatcher dispatcher)
    {
        var json = options.Value.JsonSerializerOptions;
        foreach (var handler in dispatcher.Handlers)
        {
            if (handler.CheckPayloadType(json) is not { } reason)
                continue;
            var type = handler.PayloadType;
            throw new InvalidOperationException(
                $"{endpoint.DisplayName}: {handler.Description} takes payload type {type.FullName}, which the webhook JSON options cannot read "
                + $"({reason}). Add [JsonSerializable(typeof({type.Name}))] to your JsonSerializerContext and add that context to "
                + "WebhookOptions.JsonSerializerOptions.TypeInfoResolverChain (services.Configure<WebhookOptions>(o => "
                + "o.JsonSerializerOptions.TypeInfoResolverChain.Insert(0, MyJsonContext.Default))), or pass its JsonTypeInfo to On/OnAny.");
        }
    }

    // A payload type that looks like the object the provider wraps (Stripe's data.object) rather than the event would
    // deserialize with its fields silently empty: say so, naming the envelope type to take instead.
    private void CheckEnvelopes(Endpoint endpoint, WebhookDispatcher dispatcher, WebhookScheme scheme)
    {
        if (scheme.PayloadEnvelope is not { } envelope || !_logger.IsEnabled(LogLevel.Warning))
            return;
        var json = options.Value.JsonSerializerOptions;
        foreach (var handler in dispatcher.Handlers)
        {
            if (handler.PayloadTypeInfo(json) is not { } info || !envelope.LooksLikeInnerObject(info))
                continue;
            var type = handler.PayloadType;
            PayloadLooksUnwrapped(_logger, endpoint.DisplayName ?? scheme.Name, handler.Description, type.FullName ?? type.Name, envelope.Provider,
                envelope.Location, $"{envelope.EnvelopeType}<{type.Name}>");
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Event ids 40–49: start-up diagnostics (WebhookLog uses 1–39, the Redis store 101–).
    [LoggerMessage(40, LogLevel.Information, "Webhook endpoint {Methods} {Pattern} verified by scheme {Scheme} ({Provider})")]
    private static partial void EndpointMapped(ILogger logger, string methods, string pattern, string scheme, string provider);

    [LoggerMessage(41, LogLevel.Warning, "{Endpoint}: {Handler} takes payload type {PayloadType}, which has none of the event's top-level members: "
        + "its fields will stay empty. {Provider} wraps the object in {Location}: take Webhook<{Envelope}> (IWebhookHandler<{Envelope}>, On<{Envelope}>) "
        + "and read it from the payload's {Location}")]
    private static partial void PayloadLooksUnwrapped(ILogger logger, string endpoint, string handler, string payloadType, string provider, string location,
        string envelope);
}
