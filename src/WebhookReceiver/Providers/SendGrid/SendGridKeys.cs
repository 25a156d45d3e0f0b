using System.Security.Cryptography;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>The decoded key material of a SendGrid scheme: public keys to verify with and, if configured, a private key.</summary>
internal sealed class SendGridKeys
{
    private SendGridKeys(EcdsaVerifier[] verifiers, ECDsa? signingKey)
    {
        Verifiers = verifiers;
        SigningKey = signingKey;
    }

    public EcdsaVerifier[] Verifiers { get; }

    /// <summary>The private key, when one was configured (PKCS#8); used only to sign.</summary>
    public ECDsa? SigningKey { get; }

    /// <summary>Decodes every secret; throws <see cref="FormatException"/> naming what is wrong (never the key).</summary>
    public static SendGridKeys Decode(IReadOnlyList<string> secrets)
    {
        var verifiers = new List<EcdsaVerifier>();
        ECDsa? signing = null;
        for (var i = 0; i < secrets.Count; i++)
        {
            var position = secrets.Count == 1 ? "the secret" : $"secret #{i + 1}";
            using var key = Import(secrets[i], out var isPrivate)
                ?? throw new FormatException($"{position} is not a base64 (or PEM) P-256 public key (SubjectPublicKeyInfo) or PKCS#8 private key");
            if (key.KeySize != 256)
                throw new FormatException($"{position} is not a P-256 key");
            verifiers.Add(new EcdsaVerifier(key.ExportSubjectPublicKeyInfo()));
            if (isPrivate && signing is null)
            {
                signing = ECDsa.Create();
                signing.ImportPkcs8PrivateKey(key.ExportPkcs8PrivateKey(), out _);
            }
        }
        return new SendGridKeys([.. verifiers], signing);
    }

    private static ECDsa? Import(string secret, out bool isPrivate)
    {
        isPrivate = false;
        var ecdsa = ECDsa.Create();
        try
        {
            if (secret.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                ecdsa.ImportFromPem(secret);
                isPrivate = secret.Contains("PRIVATE KEY", StringComparison.Ordinal);
                return ecdsa;
            }
            var der = SignatureEncoding.DecodeBase64OrNull(secret);
            if (der is null)
                return Dispose(ecdsa);
            try
            {
                ecdsa.ImportSubjectPublicKeyInfo(der, out _);
            }
            catch (CryptographicException)
            {
                ecdsa.ImportPkcs8PrivateKey(der, out _);
                isPrivate = true;
            }
            return ecdsa;
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            return Dispose(ecdsa);
        }
    }

    private static ECDsa? Dispose(ECDsa ecdsa)
    {
        ecdsa.Dispose();
        return null;
    }
}
