namespace WebhookReceiver;

/// <summary>
/// An optional capability of a <see cref="WebhookScheme"/> whose provider sets a webhook up with a POST it does not
/// sign (Asana's <c>X-Hook-Secret</c>, Notion's verification token, WooCommerce's ping, Microsoft Graph's
/// <c>validationToken</c>). Asked only after the request failed verification; its answer is written instead of the 401:
/// no handler runs, nothing is claimed or stored.
/// </summary>
/// <remarks>
/// The request is unverified: an implementation looks only at what identifies its handshake (a header, a query
/// parameter, a small body of a fixed shape), refuses anything else with <see langword="null"/> at the cost of a header
/// lookup, never parses a body larger than its handshake, and never echoes more than its provider needs.
/// </remarks>
public interface IWebhookUnsignedHandshake
{
    /// <summary>Answers an unsigned handshake, or <see langword="null"/> when the request is not one (then it is refused with 401).</summary>
    /// <param name="request">The request that failed verification.</param>
    WebhookHandshakeResponse? AnswerUnsigned(WebhookRequest request);
}
