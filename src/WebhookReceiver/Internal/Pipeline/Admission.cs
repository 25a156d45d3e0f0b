namespace WebhookReceiver.Internal;

/// <summary>The result of admission: a delivery to settle, or the outcome of a request admission answered itself.</summary>
/// <param name="Outcome">The outcome written (when <paramref name="Delivery"/> is null).</param>
/// <param name="Delivery">The admitted delivery, or null.</param>
internal readonly record struct Admission(WebhookOutcome Outcome, AdmittedDelivery? Delivery);
