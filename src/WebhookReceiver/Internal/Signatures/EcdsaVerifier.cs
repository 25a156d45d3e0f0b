using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace WebhookReceiver.Internal;

/// <summary>
/// An ECDSA public key imported once, verifying from a small pool of <see cref="ECDsa"/> instances: .NET does not
/// promise that one instance may be used from several threads at once, and importing per request would be slow.
/// </summary>
internal sealed class EcdsaVerifier
{
    private const int MaxPooled = 16;
    private readonly byte[] _subjectPublicKeyInfo;
    private readonly ConcurrentBag<ECDsa> _pool = [];

    /// <summary>Imports the key once to check it; throws <see cref="CryptographicException"/> when it is not a P-256 public key.</summary>
    public EcdsaVerifier(byte[] subjectPublicKeyInfo)
    {
        _subjectPublicKeyInfo = subjectPublicKeyInfo;
        var first = Create();
        if (first.KeySize != 256)
        {
            first.Dispose();
            throw new CryptographicException("not a P-256 key");
        }
        _pool.Add(first);
    }

    /// <summary>Verifies a DER-encoded (RFC 3279) ECDSA signature over <paramref name="data"/> with SHA-256.</summary>
    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> derSignature)
    {
        var ecdsa = _pool.TryTake(out var pooled) ? pooled : Create();
        try
        {
            return ecdsa.VerifyData(data, derSignature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        finally
        {
            if (_pool.Count < MaxPooled)
                _pool.Add(ecdsa);
            else
                ecdsa.Dispose();
        }
    }

    private ECDsa Create()
    {
        var ecdsa = ECDsa.Create();
        ecdsa.ImportSubjectPublicKeyInfo(_subjectPublicKeyInfo, out _);
        return ecdsa;
    }
}
