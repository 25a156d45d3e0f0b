using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace WebhookReceiver.Internal;

/// <summary>
/// The webhook pipelines of <see cref="VerifyWebhookAttribute"/> actions (a singleton), one per action: a
/// <see cref="WebhookEndpoint"/> whose only handler runs the action, with the payload type of its <see cref="Webhook{T}"/> parameter.
/// </summary>
internal sealed class WebhookActionEndpoints(IServiceProvider services)
{
    private readonly ConcurrentDictionary<(string Scheme, string ActionId), WebhookEndpoint> _endpoints = new();

    public WebhookEndpoint Get(string scheme, ActionDescriptor action)
        => _endpoints.GetOrAdd((scheme, action.Id), static (key, state) => state.Self.Create(key.Scheme, state.Action), (Self: this, Action: action));

    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "MVC controllers are not trimming-compatible; the Webhook<T> parameter keeps T.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "MVC controllers are not Native-AOT-compatible.")]
    private WebhookEndpoint Create(string scheme, ActionDescriptor action)
    {
        var handle = services.GetRequiredService<WebhookSchemeRegistry>().GetHandle(scheme);
        var payloadType = action.Parameters
            .Select(p => p.ParameterType)
            .FirstOrDefault(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Webhook<>))?
            .GetGenericArguments()[0] ?? typeof(JsonElement);
        var handler = (WebhookHandlerRegistration)Activator.CreateInstance(typeof(WebhookActionHandler<>).MakeGenericType(payloadType))!;
        var dispatcher = new WebhookDispatcher($"Action {action.DisplayName}") { SplitsBatches = false };
        dispatcher.Add(null, handler);
        return WebhookEndpoint.Create(services, handle, dispatcher);
    }
}
