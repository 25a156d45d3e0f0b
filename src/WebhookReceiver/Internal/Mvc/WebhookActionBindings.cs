using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace WebhookReceiver.Internal;

/// <summary>
/// Per <c>[VerifyWebhook]</c> action: its scheme and the binding of its <see cref="Webhook{T}"/> parameter (payload
/// type <c>T</c>, <see cref="JsonElement"/> when the action takes none), built once on first use.
/// </summary>
internal sealed class WebhookActionBindings(IServiceProvider services)
{
    private readonly ConcurrentDictionary<(string Scheme, string ActionId), (WebhookSchemeHandle, WebhookHandlerRegistration)> _bindings = new();
    private WebhookGate? _gate;

    public WebhookGate Gate => _gate ??= WebhookGate.Create(services);

    public (WebhookSchemeHandle Scheme, WebhookHandlerRegistration Binding) Get(string scheme, ActionDescriptor action)
        => _bindings.GetOrAdd((scheme, action.Id), static (key, state) => state.Self.Create(key.Scheme, state.Action), (Self: this, Action: action));

    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "MVC controllers are not trimming-compatible; the Webhook<T> parameter keeps T.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "MVC controllers are not Native-AOT-compatible.")]
    private (WebhookSchemeHandle, WebhookHandlerRegistration) Create(string scheme, ActionDescriptor action)
    {
        var handle = services.GetRequiredService<WebhookSchemeRegistry>().GetHandle(scheme);
        var payloadType = action.Parameters
            .Select(p => p.ParameterType)
            .FirstOrDefault(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Webhook<>))?
            .GetGenericArguments()[0] ?? typeof(JsonElement);
        var binding = (WebhookHandlerRegistration)Activator.CreateInstance(typeof(WebhookPayloadBinding<>).MakeGenericType(payloadType))!;
        return (handle, binding);
    }
}
