using WebhookReceiver.Testing.Internal;

namespace WebhookReceiver.Testing.Tests.Internal;

public sealed class WrongSecretTests
{
    [Theory]
    [InlineData("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("12345")]
    [InlineData("sk_live_zzzz")]
    public void From_AnySecret_DiffersButKeepsPrefixLengthAndAlphabet(string secret)
    {
        var wrong = WrongSecret.From(secret);

        Assert.NotEqual(secret, wrong);
        Assert.Equal(secret.Length, wrong.Length);
        Assert.Equal(secret[..(secret.LastIndexOf('_') + 1)], wrong[..(secret.LastIndexOf('_') + 1)]);
        Assert.Equal(1, secret.Zip(wrong).Count(p => p.First != p.Second));
    }

    [Fact]
    public void From_HexSecret_StaysHex()
        => Assert.True(WrongSecret.From("ffffffff").All(Uri.IsHexDigit));
}
