using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// The Dropbox scheme: <c>X-Dropbox-Signature: &lt;hex&gt;</c>, HMAC-SHA256 of the body with the app secret. Dropbox
/// sends no delivery id, no event type and signs no timestamp: the replay key is a hash of the signed body. The GET
/// verification request (<c>?challenge=…</c>) is answered with the challenge as text/plain.
/// </summary>
public sealed class DropboxScheme : HmacWebhookScheme, IWebhookGetHandshake
{
    private static readonly HmacSchemeSpec Spec = new()
    {
        Signatures = [new(DropboxDefaults.SignatureHeader, string.Empty, WebhookHmacAlgorithm.Sha256, WebhookSignatureEncoding.Hex)],
    };

    /// <summary>Builds the scheme.</summary>
    /// <param name="name">The registration name.</param>
    /// <param name="options">The options.</param>
    public DropboxScheme(string name, DropboxOptions options)
        : base(name, options, Spec)
    {
    }

    /// <summary>Gets the provider descriptor (id <c>dropbox</c>).</summary>
    public static WebhookProvider<DropboxOptions> Provider { get; } = new(
        DropboxDefaults.ProviderId, "Dropbox",
        static (name, options) => new DropboxScheme(name, options),
        static (section, options) => section.Bind(options));

    /// <summary>
    /// Answers the verification request: 200 text/plain echoing <c>challenge</c>; <see langword="null"/> (400) when the
    /// parameter is missing, empty, repeated or longer than <see cref="DropboxDefaults.MaxChallengeLength"/>.
    /// </summary>
    /// <param name="query">The query string.</param>
    public WebhookHandshakeResponse? AnswerGet(IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        string? challenge = null;
        foreach (var (key, values) in query)
        {
            if (!string.Equals(key, DropboxDefaults.ChallengeParameter, StringComparison.OrdinalIgnoreCase))
                continue;
            if (challenge is not null || values.Count != 1 || string.IsNullOrEmpty(values[0]))
                return null;
            challenge = values[0];
        }
        if (challenge is not { Length: <= DropboxDefaults.MaxChallengeLength })
            return null;
        return new WebhookHandshakeResponse(200, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(challenge));
    }
}
