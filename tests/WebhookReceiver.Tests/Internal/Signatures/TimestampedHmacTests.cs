using System.Security.Cryptography;
using System.Text;
using WebhookReceiver.Internal;

namespace WebhookReceiver.Tests.Internal;

public sealed class TimestampedHmacTests
{
    private static readonly DateTimeOffset SignedAt = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Body = "{\"a\":1}\n"u8.ToArray();

    [Fact]
    public void Sign_Parts_IsHexHmacOfPrefixTimestampSeparatorBody()
    {
        var key = "secret"u8.ToArray();

        var signature = TimestampedHmac.Sign(key, "v0:", "1700000000", ":", Body);

        Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("v0:1700000000:{\"a\":1}\n"))), signature);
    }

    [Fact]
    public void VerifyPrefixed_AnyOfManyKeys_Succeeds()
    {
        var keys = Enumerable.Range(0, 12).Select(i => Encoding.UTF8.GetBytes($"secret-{i}")).ToArray();
        var header = "sha256=" + TimestampedHmac.Sign(keys[11], "id", "ts", "", Body);

        var result = TimestampedHmac.VerifyPrefixed(keys, "id", "ts", "", Body, header, "sha256=", SignedAt, "X-Sig");

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(SignedAt, result.Timestamp);
    }

    [Fact]
    public void VerifyPrefixed_OtherPrefix_FailsWithMalformedHeader()
    {
        byte[][] keys = ["secret"u8.ToArray()];
        var header = "v1=" + TimestampedHmac.Sign(keys[0], "v0:", "1", ":", Body);

        var result = TimestampedHmac.VerifyPrefixed(keys, "v0:", "1", ":", Body, header, "v0=", SignedAt, "X-Sig");

        Assert.Equal(WebhookVerificationFailure.MalformedHeader, result.Failure);
        Assert.Equal("X-Sig does not start with 'v0='", result.Reason);
    }

    [Theory]
    [InlineData("v0=")]
    [InlineData("v0=abcd")]
    [InlineData("v0=not-hex-at-all-not-hex-at-all-not-hex-at-all-not-hex-at-all-")]
    public void VerifyPrefixed_UndecodableSignature_FailsWithMalformedHeader(string header)
    {
        byte[][] keys = ["secret"u8.ToArray()];

        var result = TimestampedHmac.VerifyPrefixed(keys, "v0:", "1", ":", Body, header, "v0=", SignedAt, "X-Sig");

        Assert.Equal(WebhookVerificationFailure.MalformedHeader, result.Failure);
    }
}
