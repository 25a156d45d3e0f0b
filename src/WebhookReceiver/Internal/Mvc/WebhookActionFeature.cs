using Microsoft.AspNetCore.Mvc.Filters;

namespace WebhookReceiver.Internal;

/// <summary>Hands the rest of the MVC pipeline of one request to <see cref="WebhookActionHandler{T}"/>.</summary>
internal sealed class WebhookActionFeature(ResourceExecutionDelegate next)
{
    public ResourceExecutionDelegate Next { get; } = next;

    /// <summary>Gets or sets what the action did; <see langword="null"/> until it ran.</summary>
    public ResourceExecutedContext? Executed { get; set; }
}
