using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// A webhook endpoint returned by <c>MapWebhook</c>: add handlers per event type with <c>On</c>, or one for every
/// event type with <c>OnAny</c>; verified deliveries of a type without a handler are acknowledged as ignored.
/// Endpoint conventions (authorization, rate limiting, ...) apply as usual.
/// </summary>
public sealed class WebhookEndpointConventionBuilder : IEndpointConventionBuilder
{
    private readonly IEndpointConventionBuilder _inner;
    private readonly WebhookDispatcher _dispatcher;
    private readonly IServiceProvider _services;
    private readonly WebhookEndpoint _endpoint;
    private readonly string _pattern;

    internal WebhookEndpointConventionBuilder(IEndpointConventionBuilder inner, WebhookDispatcher dispatcher, IServiceProvider services,
        WebhookEndpoint endpoint, string pattern)
    {
        _endpoint = endpoint;
        _pattern = pattern;
        _inner = inner;
        _dispatcher = dispatcher;
        _services = services;
    }

    /// <summary>Handles deliveries of <paramref name="eventType"/> with a typed handler (trim- and AOT-safe).</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="eventType">The event type, e.g. <c>invoice.paid</c>.</param>
    /// <param name="handler">The handler; services come from <see cref="Webhook.HttpContext"/>.</param>
    /// <param name="typeInfo">The payload's JSON type info; by default taken from WebhookOptions.JsonSerializerOptions.</param>
    public WebhookEndpointConventionBuilder On<T>(string eventType, Func<Webhook<T>, CancellationToken, Task> handler, JsonTypeInfo<T>? typeInfo = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventType);
        ArgumentNullException.ThrowIfNull(handler);
        _dispatcher.Add(eventType, new TypedWebhookHandler<T>(handler, typeInfo));
        return this;
    }

    /// <summary>
    /// Handles deliveries of <paramref name="eventType"/> with a delegate whose parameters are bound like a minimal-API
    /// handler: one <see cref="Webhook{T}"/>, services, <see cref="CancellationToken"/>. It returns void, Task or ValueTask;
    /// the library writes the response.
    /// </summary>
    /// <param name="eventType">The event type, e.g. <c>invoice.paid</c>.</param>
    /// <param name="handler">The handler.</param>
    [RequiresUnreferencedCode(WebhookHandlerFactory.DelegateWarning)]
    [RequiresDynamicCode(WebhookHandlerFactory.DelegateWarning)]
    public WebhookEndpointConventionBuilder On(string eventType, Delegate handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventType);
        _dispatcher.Add(eventType, WebhookHandlerFactory.FromDelegate(handler, _services));
        return this;
    }

    /// <summary>Handles every event type that has no handler of its own, with a typed handler.</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="handler">The handler.</param>
    /// <param name="typeInfo">The payload's JSON type info; by default taken from WebhookOptions.JsonSerializerOptions.</param>
    public WebhookEndpointConventionBuilder OnAny<T>(Func<Webhook<T>, CancellationToken, Task> handler, JsonTypeInfo<T>? typeInfo = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _dispatcher.Add(null, new TypedWebhookHandler<T>(handler, typeInfo));
        return this;
    }

    /// <summary>Handles every event type that has no handler of its own, with a delegate bound like a minimal-API handler.</summary>
    /// <param name="handler">The handler.</param>
    [RequiresUnreferencedCode(WebhookHandlerFactory.DelegateWarning)]
    [RequiresDynamicCode(WebhookHandlerFactory.DelegateWarning)]
    public WebhookEndpointConventionBuilder OnAny(Delegate handler)
    {
        _dispatcher.Add(null, WebhookHandlerFactory.FromDelegate(handler, _services));
        return this;
    }

    /// <summary>
    /// Stores this endpoint's verified, claimed deliveries in the inbox and answers <c>200 {"status":"accepted"}</c> once
    /// they are stored; the inbox processor runs the handlers later, with retries and dead letters (see
    /// <see cref="WebhookInboxOptions"/>). A copy of an accepted delivery is answered <c>duplicate</c>; a store that is
    /// down or slow is answered 503 and nothing is acknowledged. Throws for schemes whose provider reads the handler's
    /// reply (Discord, Slack, Twilio).
    /// </summary>
    /// <returns>This builder.</returns>
    public WebhookEndpointConventionBuilder UseInbox()
    {
        _endpoint.UseInbox(_services, _pattern);
        return this;
    }

    /// <inheritdoc />
    public void Add(Action<EndpointBuilder> convention) => _inner.Add(convention);

    /// <inheritdoc />
    public void Finally(Action<EndpointBuilder> finallyConvention) => _inner.Finally(finallyConvention);
}
