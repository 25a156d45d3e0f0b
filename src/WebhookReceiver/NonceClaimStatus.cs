namespace WebhookReceiver;

/// <summary>The answer of <see cref="IWebhookNonceStore.TryClaimAsync"/>.</summary>
public enum NonceClaimStatus
{
    /// <summary>The caller owns the delivery now and must complete or release it.</summary>
    Claimed,

    /// <summary>Another request is processing the same delivery (answered 409 with <c>Retry-After</c>).</summary>
    InFlight,

    /// <summary>The delivery was processed before (answered 200 <c>{"status":"duplicate"}</c>).</summary>
    Completed,
}
