using System.Diagnostics;

namespace WebhookReceiver.Internal;

/// <summary>A delivery admitted by <see cref="WebhookGate"/> and bound for the caller's code, until it is settled.</summary>
internal sealed class GateEntry(AdmittedDelivery admitted, Webhook webhook, long started, Activity? activity)
{
    public AdmittedDelivery Admitted { get; } = admitted;

    public ClaimedEvent Claim => Admitted.Events[0];

    public Webhook Webhook { get; } = webhook;

    public long Started { get; } = started;

    public Activity? Activity { get; } = activity;
}
