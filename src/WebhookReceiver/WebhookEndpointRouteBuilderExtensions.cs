using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WebhookReceiver;
using WebhookReceiver.Internal;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps webhook endpoints.</summary>
public static class WebhookEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps a POST endpoint at <paramref name="pattern"/> whose deliveries are verified by the scheme named
    /// <paramref name="scheme"/> (and GET too, for schemes that answer a GET handshake, such as Meta's; HEAD for Trello's URL check). Add handlers on the result with <c>On</c>/<c>OnAny</c>;
    /// the <see cref="IWebhookHandler{T}"/> classes registered for the scheme (<c>AddWebhookHandlers</c>) are added first, and the same
    /// event type handled twice throws. Throws at start-up when
    /// <c>AddWebhooks()</c> was not called or no scheme has that name: verification is never skipped silently.
    /// </summary>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="pattern">The route pattern, e.g. <c>/webhooks/stripe</c>.</param>
    /// <param name="scheme">The scheme name.</param>
    public static WebhookEndpointConventionBuilder MapWebhook(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string pattern, string scheme)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        ArgumentException.ThrowIfNullOrEmpty(scheme);
        var services = endpoints.ServiceProvider;
        var registry = services.GetService<WebhookSchemeRegistry>()
            ?? throw new InvalidOperationException("MapWebhook needs the webhook services: call builder.Services.AddWebhooks() first.");
        var handle = registry.GetHandle(scheme);
        var dispatcher = new WebhookDispatcher($"Webhook endpoint {pattern} (scheme '{scheme}')");
        AddHandlerClasses(dispatcher, services, registry, scheme);
        var endpoint = WebhookEndpoint.Create(services, handle, dispatcher);
        // Schemes whose provider sends a GET handshake (Meta) get GET on the same endpoint; decided once, here.
        List<string> methods = [HttpMethods.Post];
        if (handle.Current is IWebhookGetHandshake)
            methods.Add(HttpMethods.Get);
        // Schemes whose provider checks the URL with HEAD (Trello) get HEAD, answered 200 and nothing else.
        if (handle.Current.AnswersHead)
            methods.Add(HttpMethods.Head);
        // Schemes that grant CloudEvents abuse-protection requests get OPTIONS; decided once, here.
        if (handle.Current.Options.CloudEventsAllowedOrigins.Count > 0)
            methods.Add(HttpMethods.Options);
        var inner = endpoints.MapMethods(pattern, methods, (RequestDelegate)endpoint.InvokeAsync)
            .WithMetadata(new WebhookEndpointMetadata(scheme), dispatcher)
            .WithDisplayName($"Webhook {scheme} {pattern}");
        return new WebhookEndpointConventionBuilder(inner, dispatcher, services, endpoint, pattern);
    }

    /// <summary>The <see cref="WebhookHandlerAttribute"/> classes of <paramref name="scheme"/>; a class naming an unknown scheme throws.</summary>
    private static void AddHandlerClasses(WebhookDispatcher dispatcher, IServiceProvider services, WebhookSchemeRegistry registry, string scheme)
    {
        foreach (var descriptor in services.GetServices<WebhookHandlerDescriptor>())
        {
            if (descriptor.Scheme == scheme)
                dispatcher.Add(descriptor.EventType, descriptor.Create());
            else if (!registry.Names.Contains(descriptor.Scheme, StringComparer.Ordinal))
                throw new InvalidOperationException(
                    $"Webhook handler class {descriptor.HandlerType.FullName} is for scheme '{descriptor.Scheme}', which is not registered.");
        }
    }

    /// <summary>Maps a webhook endpoint whose every event type goes to one typed handler (trim- and AOT-safe).</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="pattern">The route pattern.</param>
    /// <param name="scheme">The scheme name.</param>
    /// <param name="handler">The handler.</param>
    /// <param name="typeInfo">The payload's JSON type info; by default taken from WebhookOptions.JsonSerializerOptions.</param>
    public static WebhookEndpointConventionBuilder MapWebhook<T>(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string pattern, string scheme,
        Func<Webhook<T>, CancellationToken, Task> handler, JsonTypeInfo<T>? typeInfo = null)
        => endpoints.MapWebhook(pattern, scheme).OnAny(handler, typeInfo);

    /// <summary>
    /// Maps a webhook endpoint whose every event type goes to <paramref name="handler"/>, a delegate bound like a
    /// minimal-API handler: one <see cref="Webhook{T}"/>, services, <see cref="CancellationToken"/>.
    /// </summary>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="pattern">The route pattern.</param>
    /// <param name="scheme">The scheme name.</param>
    /// <param name="handler">The handler; returns void, Task or ValueTask.</param>
    [RequiresUnreferencedCode(WebhookHandlerFactory.DelegateWarning)]
    [RequiresDynamicCode(WebhookHandlerFactory.DelegateWarning)]
    public static WebhookEndpointConventionBuilder MapWebhook(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string pattern, string scheme, Delegate handler)
        => endpoints.MapWebhook(pattern, scheme).OnAny(handler);
}
