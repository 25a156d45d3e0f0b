using Microsoft.Extensions.Primitives;

namespace WebhookReceiver;

/// <summary>
/// An optional capability of a <see cref="WebhookScheme"/> whose provider also calls the webhook URL with GET for a
/// handshake (Meta's subscription check). <c>MapWebhook</c> then maps GET too, answered by <see cref="AnswerGet"/>
/// alone: no body, no handler, no nonce store.
/// </summary>
public interface IWebhookGetHandshake
{
    /// <summary>
    /// Answers a GET handshake from its query parameters; <see langword="null"/> when the query is not a handshake the
    /// scheme knows (the endpoint answers 400).
    /// </summary>
    /// <param name="query">The query parameters.</param>
    WebhookHandshakeResponse? AnswerGet(IEnumerable<KeyValuePair<string, StringValues>> query);
}
