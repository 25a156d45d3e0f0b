using Microsoft.Extensions.Primitives;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// The Meta scheme (Facebook, Instagram, WhatsApp, Messenger): <c>X-Hub-Signature-256: sha256=&lt;hex&gt;</c>,
/// HMAC-SHA256 of the body with the app secret; the event type is the body's <c>object</c>. Meta sends no delivery id
/// and signs no timestamp: the replay key is a hash of the signed body. The GET subscription handshake
/// (<c>hub.mode=subscribe</c>) is answered with <c>hub.challenge</c> as text/plain when <c>hub.verify_token</c> matches
/// <see cref="MetaOptions.VerifyToken"/>, 403 when it does not, 400 when a parameter is missing.
/// </summary>
public sealed class MetaScheme : HmacWebhookScheme, IWebhookGetHandshake
{
    private static readonly HmacSchemeSpec Spec = new()
    {
        Signatures = [new(MetaDefaults.SignatureHeader, MetaDefaults.SignaturePrefix, WebhookHmacAlgorithm.Sha256, WebhookSignatureEncoding.Hex)],
        EventType = HmacValueSource.FromProperty(MetaDefaults.ObjectProperty),
    };

    private static readonly WebhookHandshakeResponse Refused = new(StatusCodes.Status403Forbidden, WebhookResponses.ProblemJson, WebhookResponses.Forbidden);

    private readonly byte[][] _verifyTokens;

    /// <summary>Builds the scheme.</summary>
    /// <param name="name">The registration name.</param>
    /// <param name="options">The options.</param>
    public MetaScheme(string name, MetaOptions options)
        : base(name, options, Spec)
        => _verifyTokens = string.IsNullOrEmpty(options.VerifyToken) ? [] : [SecretToken.Hash(options.VerifyToken)];

    /// <summary>Gets the provider descriptor (id <c>meta</c>).</summary>
    public static WebhookProvider<MetaOptions> Provider { get; } = new(
        MetaDefaults.ProviderId, "Meta",
        static (name, options) => new MetaScheme(name, options),
        static (section, options) => section.Bind(options));


    /// <summary>
    /// Answers the subscription handshake: 200 text/plain with <c>hub.challenge</c> when <c>hub.mode</c> is
    /// <c>subscribe</c> and <c>hub.verify_token</c> matches; a 403 problem when the token does not match (or none is
    /// configured); <see langword="null"/> (400) when a parameter is missing, repeated or the mode is another.
    /// </summary>
    /// <param name="query">The query string.</param>
    public WebhookHandshakeResponse? AnswerGet(IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (Single(query, MetaDefaults.ModeParameter) != MetaDefaults.SubscribeMode
            || Single(query, MetaDefaults.VerifyTokenParameter) is not { } token
            || Single(query, MetaDefaults.ChallengeParameter) is not { Length: <= MetaDefaults.MaxChallengeLength } challenge)
            return null;
        if (!SecretToken.MatchesAny(_verifyTokens, token))
            return Refused;
        return new WebhookHandshakeResponse(StatusCodes.Status200OK, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(challenge));
    }

    private static string? Single(IEnumerable<KeyValuePair<string, StringValues>> query, string name)
    {
        string? found = null;
        foreach (var (key, values) in query)
        {
            if (!string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                continue;
            if (found is not null || values.Count != 1 || string.IsNullOrEmpty(values[0]))
                return null;
            found = values[0];
        }
        return found;
    }
}
