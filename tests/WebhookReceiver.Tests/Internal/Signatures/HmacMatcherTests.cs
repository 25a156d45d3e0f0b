using System.Security.Cryptography;
using System.Text;
using WebhookReceiver.Internal;

namespace WebhookReceiver.Tests.Internal;

public sealed class HmacMatcherTests
{
    private static readonly byte[] Content = "v0:1700000000:{\"a\":1}\n"u8.ToArray();

    [Fact]
    public void Match_AnyOfManyKeys_Matches()
    {
        var keys = Enumerable.Range(0, 12).Select(i => Encoding.UTF8.GetBytes($"secret-{i}")).ToArray();
        var header = "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(keys[11], Content));

        var match = HmacMatcher.Match(WebhookHmacAlgorithm.Sha256, keys, Content, WebhookSignatureEncoding.Hex, header, [3..]);

        Assert.Equal(new HmacMatch(true, 1), match);
    }

    [Fact]
    public void Match_UpperCaseHex_MatchesTheSameSignature()
    {
        byte[][] keys = ["secret"u8.ToArray()];
        var header = Convert.ToHexString(HMACSHA256.HashData(keys[0], Content));

        Assert.True(HmacMatcher.Match(WebhookHmacAlgorithm.Sha256, keys, Content, WebhookSignatureEncoding.Hex, header, [Range.All]).Matched);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abcd")]
    [InlineData("not-hex-at-all-not-hex-at-all-not-hex-at-all-not-hex-at-all-")]
    public void Match_UndecodableOrShortCandidate_IsNotUsable(string header)
    {
        byte[][] keys = ["secret"u8.ToArray()];

        var match = HmacMatcher.Match(WebhookHmacAlgorithm.Sha256, keys, Content, WebhookSignatureEncoding.Hex, header, [Range.All]);

        Assert.Equal(new HmacMatch(false, 0), match);
    }

    [Fact]
    public void Match_WrongSignatureOfTheRightSize_IsUsableButDoesNotMatch()
    {
        byte[][] keys = ["secret"u8.ToArray()];
        var header = Convert.ToHexStringLower(HMACSHA256.HashData("other"u8, Content));

        Assert.Equal(new HmacMatch(false, 1), HmacMatcher.Match(WebhookHmacAlgorithm.Sha256, keys, Content, WebhookSignatureEncoding.Hex, header, [Range.All]));
    }
}
