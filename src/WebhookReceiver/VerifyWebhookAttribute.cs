using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// Makes an MVC action (or every action of a controller) a webhook endpoint verified by the scheme named
/// <see cref="Scheme"/>, exactly as <c>MapWebhook</c> does: the raw body is read once (413 over <c>MaxBodySize</c>) and
/// verified (401) before model binding, handshakes are answered, the delivery is claimed in the nonce store (a replay is
/// answered <c>{"status":"duplicate"}</c> without running the action; 409 while in flight; 503 when the store is down), and
/// the action's <see cref="Webhook{T}"/> parameter is bound from the verified bytes (400 when the payload cannot be read).
/// The delivery is completed when the action answers 2xx (an empty or <see langword="void"/> result is answered
/// <c>{"status":"processed"}</c>) and released otherwise; an exception is answered 500 so the provider's retry is processed.
/// A delivery of several events (HubSpot, SendGrid) reaches the action whole. Do not add <c>[FromBody]</c> parameters.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class VerifyWebhookAttribute : Attribute, IFilterFactory
{
    /// <summary>Verifies the action's requests with the scheme named <paramref name="scheme"/>.</summary>
    /// <param name="scheme">The scheme name, as registered with <c>AddWebhooks().Add…(name)</c>.</param>
    public VerifyWebhookAttribute(string scheme)
    {
        ArgumentException.ThrowIfNullOrEmpty(scheme);
        Scheme = scheme;
    }

    /// <summary>Gets the scheme name.</summary>
    public string Scheme { get; }

    /// <summary>Gets a value indicating that one filter instance serves every request (always <see langword="true"/>).</summary>
    public bool IsReusable => true;

    /// <summary>Creates the resource filter that runs the webhook pipeline around the action.</summary>
    /// <param name="serviceProvider">The request's services.</param>
    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider)
    {
        ArgumentNullException.ThrowIfNull(serviceProvider);
        var endpoints = serviceProvider.GetService<WebhookActionBindings>()
            ?? throw new InvalidOperationException("[VerifyWebhook] needs the webhook services: call builder.Services.AddWebhooks() first.");
        return new WebhookActionFilter(Scheme, endpoints);
    }
}
