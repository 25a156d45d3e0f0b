using System.Security.Cryptography;
using System.Text;
using WebhookReceiver.Internal;

namespace WebhookReceiver.Tests.Internal.Signatures;

public sealed class KeyedHmacCacheTests
{
    private static readonly byte[] Content = Encoding.UTF8.GetBytes("""{"type":"order.created","data":{"id":42}}""");

    [Theory]
    [InlineData(WebhookHmacAlgorithm.Sha1)]
    [InlineData(WebhookHmacAlgorithm.Sha256)]
    [InlineData(WebhookHmacAlgorithm.Sha512)]
    public void Compute_RepeatedOnOneKey_EqualsTheOneShotHmacEachTime(WebhookHmacAlgorithm algorithm)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var expected = OneShot(algorithm, key, Content);

        for (var i = 0; i < 3; i++)
            Assert.Equal(expected, Cached(algorithm, key, Content));
        Assert.Equal(OneShot(algorithm, key, "other"u8.ToArray()), Cached(algorithm, key, "other"u8.ToArray()));
    }

    [Fact]
    public void Compute_MoreKeysThanSlots_EveryKeyKeepsItsOwnHmac()
    {
        var keys = Enumerable.Range(0, 20).Select(_ => RandomNumberGenerator.GetBytes(32)).ToArray();

        for (var round = 0; round < 2; round++)
        {
            foreach (var key in keys)
                Assert.Equal(OneShot(WebhookHmacAlgorithm.Sha256, key, Content), Cached(WebhookHmacAlgorithm.Sha256, key, Content));
        }
    }

    [Fact]
    public void Compute_SameKeyArrayUnderTwoAlgorithms_KeepsThemApart()
    {
        var key = RandomNumberGenerator.GetBytes(32);

        Assert.Equal(OneShot(WebhookHmacAlgorithm.Sha256, key, Content), Cached(WebhookHmacAlgorithm.Sha256, key, Content));
        Assert.Equal(OneShot(WebhookHmacAlgorithm.Sha1, key, Content), Cached(WebhookHmacAlgorithm.Sha1, key, Content));
        Assert.Equal(OneShot(WebhookHmacAlgorithm.Sha256, key, Content), Cached(WebhookHmacAlgorithm.Sha256, key, Content));
    }

    [Fact]
    public async Task Compute_OnManyThreadsAtOnce_EveryHashIsRight()
    {
        var keys = Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator.GetBytes(32)).ToArray();
        var expected = keys.Select(k => OneShot(WebhookHmacAlgorithm.Sha256, k, Content)).ToArray();

        var wrong = await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            var mismatches = 0;
            for (var i = 0; i < 2_000; i++)
            {
                var k = (i + t) % keys.Length;
                if (!Cached(WebhookHmacAlgorithm.Sha256, keys[k], Content).AsSpan().SequenceEqual(expected[k]))
                    mismatches++;
            }
            return mismatches;
        })));

        Assert.All(wrong, count => Assert.Equal(0, count));
    }

    [Fact]
    public void MatchesHmac_CallerChangesItsKeyArrayInPlace_UsesTheNewKey()
    {
        // The public API takes the caller's arrays, which may change between calls: it must not reuse an instance
        // keyed by the array's identity.
        var key = Encoding.UTF8.GetBytes("first-secret-0123456789");
        var signatureUnderFirst = Convert.ToHexStringLower(HMACSHA256.HashData(key, Content));
        Assert.True(WebhookSignatures.MatchesHmac(WebhookHmacAlgorithm.Sha256, [key], Content, WebhookSignatureEncoding.Hex, signatureUnderFirst));

        Encoding.UTF8.GetBytes("other-secret-0123456789").CopyTo(key, 0);

        Assert.False(WebhookSignatures.MatchesHmac(WebhookHmacAlgorithm.Sha256, [key], Content, WebhookSignatureEncoding.Hex, signatureUnderFirst));
        Assert.True(WebhookSignatures.MatchesHmac(WebhookHmacAlgorithm.Sha256, [key], Content, WebhookSignatureEncoding.Hex,
            Convert.ToHexStringLower(HMACSHA256.HashData(key, Content))));
    }

    private static byte[] Cached(WebhookHmacAlgorithm algorithm, byte[] key, byte[] content)
    {
        var hash = new byte[HmacSignature.HashSize(algorithm)];
        Assert.Equal(hash.Length, KeyedHmacCache.Compute(algorithm, key, content, hash));
        return hash;
    }

    private static byte[] OneShot(WebhookHmacAlgorithm algorithm, byte[] key, byte[] content)
    {
        var hash = new byte[HmacSignature.HashSize(algorithm)];
        HmacSignature.Compute(algorithm, key, content, hash);
        return hash;
    }
}
