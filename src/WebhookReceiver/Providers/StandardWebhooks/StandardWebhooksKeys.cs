using NSec.Cryptography;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>The decoded key material of a Standard Webhooks scheme, prepared once from its options.</summary>
internal sealed class StandardWebhooksKeys
{
    private StandardWebhooksKeys(byte[][] hmacKeys, PublicKey[] publicKeys, Key? signingKey)
    {
        HmacKeys = hmacKeys;
        PublicKeys = publicKeys;
        SigningKey = signingKey;
    }

    public byte[][] HmacKeys { get; }

    public PublicKey[] PublicKeys { get; }

    /// <summary>The Ed25519 private key, when one was configured with <c>whsk_</c>.</summary>
    public Key? SigningKey { get; }

    /// <summary>Decodes every secret; throws <see cref="FormatException"/> with a message naming what is wrong (never the secret).</summary>
    public static StandardWebhooksKeys Decode(IReadOnlyList<string> secrets)
    {
        var hmac = new List<byte[]>();
        var publicKeys = new List<PublicKey>();
        Key? signing = null;
        for (var i = 0; i < secrets.Count; i++)
        {
            var secret = secrets[i];
            var position = secrets.Count == 1 ? "the secret" : $"secret #{i + 1}";
            if (secret.StartsWith(StandardWebhooksDefaults.PublicKeyPrefix, StringComparison.Ordinal))
            {
                var raw = Base64(secret[StandardWebhooksDefaults.PublicKeyPrefix.Length..], position, StandardWebhooksDefaults.PublicKeyPrefix);
                if (!PublicKey.TryImport(SignatureAlgorithm.Ed25519, raw, KeyBlobFormat.RawPublicKey, out var key) || key is null)
                    throw new FormatException($"{position} is not a 32-byte Ed25519 public key after '{StandardWebhooksDefaults.PublicKeyPrefix}'");
                publicKeys.Add(key);
            }
            else if (secret.StartsWith(StandardWebhooksDefaults.PrivateKeyPrefix, StringComparison.Ordinal))
            {
                var raw = Base64(secret[StandardWebhooksDefaults.PrivateKeyPrefix.Length..], position, StandardWebhooksDefaults.PrivateKeyPrefix);
                // libsodium writes seed + public key (64 bytes); the seed alone (32 bytes) is the raw private key.
                var seed = raw.Length == 64 ? raw.AsSpan(0, 32) : raw;
                if (!Key.TryImport(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey, out var key,
                        new KeyCreationParameters { ExportPolicy = KeyExportPolicies.None }) || key is null)
                    throw new FormatException($"{position} is not an Ed25519 private key after '{StandardWebhooksDefaults.PrivateKeyPrefix}'");
                signing ??= key;
                publicKeys.Add(key.PublicKey);
            }
            else
            {
                var text = secret.StartsWith(StandardWebhooksDefaults.SecretPrefix, StringComparison.Ordinal)
                    ? secret[StandardWebhooksDefaults.SecretPrefix.Length..]
                    : secret;
                var raw = Base64(text, position, StandardWebhooksDefaults.SecretPrefix);
                if (raw.Length == 0)
                    throw new FormatException($"{position} is empty after '{StandardWebhooksDefaults.SecretPrefix}'");
                hmac.Add(raw);
            }
        }
        return new StandardWebhooksKeys([.. hmac], [.. publicKeys], signing);
    }

    private static byte[] Base64(string text, string position, string prefix)
        => SignatureEncoding.DecodeBase64OrNull(text)
           ?? throw new FormatException($"{position} is not valid base64 after '{prefix}'");
}
