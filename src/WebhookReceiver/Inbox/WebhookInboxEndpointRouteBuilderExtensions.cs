using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using WebhookReceiver;
using WebhookReceiver.Internal;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the HTTP API of the webhook inbox.</summary>
public static class WebhookInboxEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the inbox's operations API under <paramref name="prefix"/> (e.g. <c>/webhooks/inbox</c>):
    /// <c>GET deliveries[?status=dead&amp;limit=100]</c>, <c>GET deliveries/{id}</c> (with headers and body),
    /// <c>POST deliveries/{id}/retry</c>, <c>POST deliveries/{id}/requeue</c>, <c>DELETE deliveries/{id}</c>,
    /// <c>DELETE deliveries?status=dead|completed</c> and <c>GET counts</c>. The API shows delivery bodies and can
    /// re-run handlers: chain <c>.RequireAuthorization(policy)</c>; without an authorization policy the application
    /// does not start, unless <c>.AllowAnonymous()</c> states that anonymous access is meant (e.g. in Development).
    /// </summary>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="prefix">The route prefix of the API.</param>
    /// <returns>The group of the API's endpoints, for authorization and other conventions.</returns>
    public static RouteGroupBuilder MapWebhookInbox(this IEndpointRouteBuilder endpoints, string prefix)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        var group = endpoints.MapGroup(prefix);
        InboxApiEndpoints.Map(group);
        ((IEndpointConventionBuilder)group).Finally(endpoint =>
        {
            var metadata = endpoint.Metadata;
            if (!metadata.Any(m => m is IAuthorizeData or AuthorizationPolicy or IAllowAnonymous))
            {
                throw new InvalidOperationException(
                    $"MapWebhookInbox(\"{prefix}\") maps an API that shows delivery bodies and re-runs handlers, with no authorization: chain "
                    + ".RequireAuthorization(\"your-policy\"), or .AllowAnonymous() to state that anonymous access is meant (Development only).");
            }
        });
        return group;
    }
}
