using WebhookReceiver.Testing;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Cli.Tests.Infrastructure;

/// <summary>
/// A secret that can both sign and verify for each provider: the first secret of its published vectors that signs,
/// else a signing key listed here (for asymmetric providers whose vectors carry only public keys).
/// </summary>
public static class TestSecrets
{
    /// <summary>Signing keys of asymmetric providers, by provider id (the key must also verify).</summary>
    private static readonly Dictionary<string, string> SigningKeys = new(StringComparer.OrdinalIgnoreCase);

    public static string For(WebhookProvider provider)
    {
        var candidates = new List<string>();
        if (SigningKeys.TryGetValue(provider.Id, out var key))
            candidates.Add(key);
        if (File.Exists(Path.Combine(AppContext.BaseDirectory, "Vectors", provider.Id + ".json")))
            candidates.AddRange(VectorFile.Load(provider.Id).Select(c => c.Secret).Distinct());
        foreach (var secret in candidates)
        {
            try
            {
                provider.CreateScheme(secret).Sign(new WebhookSigningRequest { Body = "{}"u8.ToArray(), Timestamp = DateTimeOffset.UnixEpoch, Url = "https://localhost/" });
                return secret;
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException)
            {
            }
        }
        throw new InvalidOperationException(
            $"Provider '{provider.Id}' has no secret that signs: add a vector to tests/Vectors/{provider.Id}.json or a signing key to {nameof(TestSecrets)}.");
    }
}
