using WebhookReceiver.Internal;

namespace WebhookReceiver.Tests.Internal;

public sealed class SignatureHeaderListTests
{
    [Fact]
    public void Read_StripeHeader_FindsTimestampAndEveryV1ButNotV0()
    {
        const string header = "t=1533204620,v1=aaaa,v0=cccc,v1=bbbb";
        Span<Range> signatures = stackalloc Range[4];

        var count = SignatureHeaderList.Read(header, ',', "t", "v1", out var timestamp, signatures);

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

        var count = SignatureHeaderList.Read(header, ';', "ts", "h1", out var timestamp, signatures);

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

        var count = SignatureHeaderList.Read(header, ',', "t", "v1", out var timestamp, signatures);

        Assert.Null(timestamp);
        Assert.Equal(0, count);
    }

    [Fact]
    public void Read_MoreSignaturesThanRoom_StoresOnlyAsManyAsFit()
    {
        const string header = "t=1,v1=a,v1=b,v1=c";
        Span<Range> signatures = stackalloc Range[2];

        var count = SignatureHeaderList.Read(header, ',', "t", "v1", out _, signatures);

        Assert.Equal(2, count);
        Assert.Equal("b", header[signatures[1]]);
    }
}
