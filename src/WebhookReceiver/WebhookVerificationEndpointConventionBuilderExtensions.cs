using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;
using WebhookReceiver;
using WebhookReceiver.Internal;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Adds webhook verification to minimal-API endpoints of your own.</summary>
public static class WebhookVerificationEndpointConventionBuilderExtensions
{
    /// <summary>
    /// Verifies every request to the endpoint as a delivery of <paramref name="scheme"/>, the same way as <c>MapWebhook</c>:
    /// the raw body is read once and verified (401, 413), handshakes are answered, the delivery is claimed (duplicate, 409,
    /// 503); then the handler runs with its <see cref="Webhook{T}"/> parameter bound from the verified delivery, and its
    /// outcome settles the claim (2xx completes it; an exception, answered 500, or another status releases it for the
    /// provider's retry). A handler that returns nothing is answered <c>{"status":"processed"}</c>. A parameter read from
    /// the body (<c>[FromBody]</c>, an inferred body, a form, a stream) is refused at start-up: nothing may read the body
    /// before verification. An unknown scheme name, or a missing <c>AddWebhooks()</c>, fails at start-up too (when the
    /// endpoints are built, which <c>AddWebhooks</c> does as the application starts).
    /// </summary>
    /// <typeparam name="TBuilder">The endpoint convention builder.</typeparam>
    /// <param name="builder">The endpoint, e.g. <c>app.MapPost("/hooks/stripe", handler)</c>.</param>
    /// <param name="scheme">The registered scheme name.</param>
    public static TBuilder AddWebhookVerification<TBuilder>(this TBuilder builder, string scheme)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(scheme);
        builder.AddEndpointFilter(new WebhookVerificationFilter(scheme));
        builder.Add(endpoint => endpoint.Metadata.Add(new WebhookEndpointMetadata(scheme)));
        builder.Finally(endpoint => Validate(endpoint, scheme));
        return builder;
    }

    private static void Validate(EndpointBuilder endpoint, string scheme)
    {
        var registry = endpoint.ApplicationServices.GetService<WebhookSchemeRegistry>()
            ?? throw new InvalidOperationException("AddWebhookVerification needs the webhook services: call builder.Services.AddWebhooks() first.");
        registry.GetHandle(scheme);   // throws for an unknown scheme, naming it
        if (endpoint.Metadata.OfType<IAcceptsMetadata>().FirstOrDefault() is { } accepts)
            throw new InvalidOperationException(
                $"Endpoint '{endpoint.DisplayName}' verifies webhooks of scheme '{scheme}' but binds a parameter from the request body "
                + $"({string.Join(", ", accepts.ContentTypes)}): the body must not be read before verification. Take Webhook<T> instead "
                + "(its Payload is the verified body, deserialized), or map the endpoint with MapWebhook.");
    }
}
