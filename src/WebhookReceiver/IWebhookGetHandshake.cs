using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace WebhookReceiver;

/// <summary>
/// An optional capability of a <see cref="WebhookScheme"/> whose provider also calls the webhook URL with GET for a
/// handshake (Meta's subscription check, Okta's verification challenge). <c>MapWebhook</c> then maps GET too, answered
/// by <see cref="AnswerGet(IEnumerable{KeyValuePair{string, StringValues}}, IHeaderDictionary)"/> alone: no body, no
/// handler, no nonce store.
/// </summary>
public interface IWebhookGetHandshake
{
    /// <summary>
    /// Answers a GET handshake from its query parameters; <see langword="null"/> when the query is not a handshake the
    /// scheme knows (the endpoint answers 400).
    /// </summary>
    /// <param name="query">The query parameters.</param>
    WebhookHandshakeResponse? AnswerGet(IEnumerable<KeyValuePair<string, StringValues>> query);

    /// <summary>
    /// Answers a GET handshake from its query parameters and request headers (Okta sends its challenge and its
    /// authentication secret in headers); <see langword="null"/> when the request is not a handshake the scheme knows
    /// (the endpoint answers 400). The endpoint calls this one; by default it answers from the query alone
    /// (<see cref="AnswerGet(IEnumerable{KeyValuePair{string, StringValues}})"/>).
    /// </summary>
    /// <param name="query">The query parameters.</param>
    /// <param name="headers">The request headers (unverified: look only at what identifies and authenticates the handshake).</param>
    WebhookHandshakeResponse? AnswerGet(IEnumerable<KeyValuePair<string, StringValues>> query, IHeaderDictionary headers) => AnswerGet(query);
}
