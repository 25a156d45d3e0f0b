using WebhookReceiver.Internal;

namespace WebhookReceiver.Tests.Internal;

public sealed class KeyValueSignatureFormatTests
{
    private static readonly KeyValueSignatureFormat Stripe = new("Stripe-Signature", ',', "t", "v1");

    [Fact]
    public void Read_StripeHeader_FindsTimestampAndEveryV1ButNotV0()
    {
        const string header = "t=1533204620,v1=aaaa,v0=cccc,v1=bbbb";
        Span<Range> signatures = stackalloc Range[4];

        var count = Stripe.Read(header, signatures, out var timestamp);

        Assert.Equal("1533204620", header[timestamp!.Value]);
        Assert.Equal(2, count);
        Assert.Equal("aaaa", header[signatures[0]]);
        Assert.Equal("bbbb", header[signatures[1]]);
    }

    [Fact]
    public void Read_PaddleHeaderWithSpaces_UsesItsSeparatorAndTrimsKeys()
    {
        const string header = "ts=1710929255; h1=aaaa; h1=bbbb";
        Span<Range> signatures = stackalloc Range[4];

        var count = new KeyValueSignatureFormat("Paddle-Signature", ';', "ts", "h1").Read(header, signatures, out var timestamp);

        Assert.Equal("1710929255", header[timestamp!.Value]);
        Assert.Equal(2, count);
        Assert.Equal("bbbb", header[signatures[1]].Trim());
    }

    [Theory]
    [InlineData("")]
    [InlineData(",,,")]
    [InlineData("=1,=2")]
    [InlineData("v1aaaa,tt=1")]
    public void Read_NoUsableEntries_FindsNothing(string header)
    {
        Span<Range> signatures = stackalloc Range[4];

        var count = Stripe.Read(header, signatures, out var timestamp);

        Assert.Null(timestamp);
        Assert.Equal(0, count);
    }

    [Fact]
    public void Read_MoreSignaturesThanRoom_KeepsTheFirstAndStillFindsATimestampAfterThem()
    {
        const string header = "v1=a,v1=b,v1=c,t=1";
        Span<Range> signatures = stackalloc Range[2];

        var count = Stripe.Read(header, signatures, out var timestamp);

        Assert.Equal(2, count);
        Assert.Equal("b", header[signatures[1]]);
        Assert.Equal("1", header[timestamp!.Value]);
    }

    [Fact]
    public void Write_SignatureAndTimestamp_IsTheProvidersShape()
        => Assert.Equal("t=1700000000,v1=abcd", Stripe.Write("abcd", "1700000000"));
}
