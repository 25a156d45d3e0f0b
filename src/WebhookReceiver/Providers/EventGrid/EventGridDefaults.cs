namespace WebhookReceiver;

/// <summary>Names and defaults of the Azure Event Grid scheme.</summary>
public static class EventGridDefaults
{
    /// <summary>The provider id and default scheme name: <c>eventgrid</c>.</summary>
    public const string ProviderId = "eventgrid";

    /// <summary>The default query parameter carrying the delivery secret: <c>code</c> (as in <c>https://host/path?code=…</c>).</summary>
    public const string SecretQueryParameter = "code";

    /// <summary>The event type of the subscription validation event, answered <c>{"validationResponse":"…"}</c>.</summary>
    public const string SubscriptionValidationEvent = "Microsoft.EventGrid.SubscriptionValidationEvent";

    /// <summary>The origin Event Grid sends in the CloudEvents abuse-protection request (<c>WebHook-Request-Origin</c>).</summary>
    public const string Origin = "eventgrid.azure.net";
}
