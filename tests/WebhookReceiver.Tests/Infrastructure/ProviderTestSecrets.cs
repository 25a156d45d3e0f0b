using WebhookReceiver.Testing;

namespace WebhookReceiver.Tests.Infrastructure;

/// <summary>
/// What a provider test needs to sign and verify with any provider of <see cref="WebhookProviders.All"/>: a secret that
/// both signs and verifies (a published vector's, else a signing key listed here, else one of the common shapes) and
/// the settings a provider's defaults lack. Shared by the CLI and Testing convention tests.
/// </summary>
public static class ProviderTestSecrets
{
    /// <summary>Signing keys of asymmetric providers whose vectors carry only public keys, by provider id.</summary>
    private static readonly Dictionary<string, string> SigningKeys = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Settings (<c>Name=value</c>) of providers that cannot verify with their defaults, by provider id.</summary>
    private static readonly Dictionary<string, string[]> Settings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hmac"] = ["SignatureHeader=X-Signature"],
    };

    /// <summary>Secrets of the common shapes (plain, hex, base64, whsec_), tried last.</summary>
    private static readonly string[] CommonShapes =
    [
        "test_secret_0123456789abcdef",
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
        "whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
    ];

    public static string[] SettingsFor(WebhookProvider provider) => Settings.GetValueOrDefault(provider.Id) ?? [];

    public static IEnumerable<KeyValuePair<string, string?>> SettingPairs(WebhookProvider provider)
        => SettingsFor(provider).Select(s => new KeyValuePair<string, string?>(s[..s.IndexOf('=', StringComparison.Ordinal)], s[(s.IndexOf('=', StringComparison.Ordinal) + 1)..]));

    public static WebhookScheme CreateScheme(WebhookProvider provider, string secret) => provider.CreateScheme(secret, SettingPairs(provider));

    public static string SecretFor(WebhookProvider provider)
    {
        var candidates = new List<string>();
        if (SigningKeys.TryGetValue(provider.Id, out var key))
            candidates.Add(key);
        if (File.Exists(Path.Combine(AppContext.BaseDirectory, "Vectors", provider.Id + ".json")))
            candidates.AddRange(VectorFile.Load(provider.Id).Select(c => c.Secret).Distinct());
        candidates.AddRange(CommonShapes);
        candidates.Add(provider.CreateSigningSecret());
        foreach (var secret in candidates)
        {
            try
            {
                CreateScheme(provider, secret).Sign(new WebhookSigningRequest { Body = "{}"u8.ToArray(), Timestamp = DateTimeOffset.UnixEpoch, Url = "https://localhost/" });
                return secret;
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException)
            {
            }
        }
        throw new InvalidOperationException(
            $"Provider '{provider.Id}' has no secret that signs: add a vector to tests/Vectors/{provider.Id}.json, or a signing key or settings to {nameof(ProviderTestSecrets)}.");
    }

    /// <summary>Whether the provider's signature covers the body (a plain token, e.g. GitLab's, does not).</summary>
    public static bool SignsBody(WebhookScheme scheme)
    {
        WebhookSignedRequest Sign(string body) => scheme.Sign(new WebhookSigningRequest
        {
            Body = System.Text.Encoding.UTF8.GetBytes(body), Id = "evt_1", Timestamp = DateTimeOffset.UnixEpoch, Url = "https://localhost/",
        });
        return !Sign("""{"id":"evt_1","type":"a"}""").Headers.SequenceEqual(Sign("""{"id":"evt_1","type":"b"}""").Headers);
    }
}
