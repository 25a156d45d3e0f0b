using WebhookReceiver.Testing;

namespace WebhookReceiver.Tests.Infrastructure;

/// <summary>
/// What a provider test needs to sign and verify with any provider of <see cref="WebhookProviders.All"/>: a secret that
/// both signs and verifies (a published vector's where it can sign, else fresh key material from the provider) and
/// the settings a provider's defaults lack. Shared by the CLI and Testing convention tests.
/// </summary>
public static class ProviderTestSecrets
{
    /// <summary>Settings (<c>Name=value</c>) of providers that cannot verify with their defaults, by provider id.</summary>
    private static readonly Dictionary<string, string[]> Settings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hmac"] = ["SignatureHeader=X-Signature"],
        ["trello"] = ["CallbackUrl=https://example.test/webhooks/trello"],
    };

    /// <summary>
    /// Bodies of providers whose scheme reads only its own envelope: the generic test body would verify and then be
    /// refused as unreadable, hiding what a convention test checks. Each is the smallest delivery of that shape.
    /// </summary>
    private static readonly Dictionary<string, string> ShapedBodies = new(StringComparer.OrdinalIgnoreCase)
    {
        ["intuit"] = """[{"specversion":"1.0","id":"evt_1","type":"test.event","data":{}}]""",
        ["xero"] = """{"events":[{"resourceId":"evt_1","eventDateUtc":"2026-01-15T10:30:00.000","eventType":"event","eventCategory":"test","tenantId":"t1"}],"lastEventSequence":1,"firstEventSequence":1,"entropy":"e1"}""",
    };

    /// <summary>A body with id <c>evt_1</c> and type <c>test.event</c> that the provider's scheme reads.</summary>
    public static string GenericBody(WebhookProvider provider)
        => ShapedBodies.GetValueOrDefault(provider.Id) ?? """{"id":"evt_1","type":"test.event","event_id":"e1","data":{}}""";

    public static string[] SettingsFor(WebhookProvider provider) => Settings.GetValueOrDefault(provider.Id) ?? [];

    public static IEnumerable<KeyValuePair<string, string?>> SettingPairs(WebhookProvider provider)
        => SettingsFor(provider).Select(s => new KeyValuePair<string, string?>(s[..s.IndexOf('=', StringComparison.Ordinal)], s[(s.IndexOf('=', StringComparison.Ordinal) + 1)..]));

    public static WebhookScheme CreateScheme(WebhookProvider provider, string secret) => provider.CreateScheme(secret, SettingPairs(provider));

    public static string SecretFor(WebhookProvider provider)
    {
        var candidates = new List<string>();
        if (File.Exists(Path.Combine(AppContext.BaseDirectory, "Vectors", provider.Id + ".json")))
            candidates.AddRange(VectorFile.Load(provider.Id).Select(c => c.Secret).Distinct());
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
            $"Provider '{provider.Id}' has no secret that signs: its CreateSigningSecret() must return key material its scheme signs with (add settings to {nameof(ProviderTestSecrets)} if its defaults are not enough).");
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
