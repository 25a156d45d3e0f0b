using WebhookReceiver.Internal;

namespace WebhookReceiver.Tests.Internal;

public sealed class PrefixedSignatureFormatTests
{
    [Theory]
    [InlineData("sha256=abcd", "abcd")]
    [InlineData("  sha256=abcd  ", "abcd")]
    public void Read_SinglePrefixedValue_FindsIt(string header, string expected)
    {
        Span<Range> candidates = stackalloc Range[4];

        var count = new PrefixedSignatureFormat("X-Sig", "sha256=").Read(header, candidates, out var timestamp);

        Assert.Equal(1, count);
        Assert.Equal(expected, header[candidates[0]]);
        Assert.Null(timestamp);
    }

    [Theory]
    [InlineData("v1=abcd")]
    [InlineData("sha256=")]
    [InlineData("")]
    public void Read_OtherPrefixOrEmptyValue_FindsNothing(string header)
    {
        Span<Range> candidates = stackalloc Range[4];
        Assert.Equal(0, new PrefixedSignatureFormat("X-Sig", "sha256=").Read(header, candidates, out _));
    }

    [Fact]
    public void Read_SeparatedList_SkipsOtherVersionsAndStopsAtTheCap()
    {
        var header = "v1a,zzzz " + string.Join(' ', Enumerable.Range(0, 40).Select(i => $"v1,s{i}"));
        Span<Range> candidates = stackalloc Range[SignatureHeaderFormat.MaxCandidates];

        var count = new PrefixedSignatureFormat("webhook-signature", "v1,", " ").Read(header, candidates, out _);

        Assert.Equal(SignatureHeaderFormat.MaxCandidates, count);
        Assert.Equal("s0", header[candidates[0]]);
        Assert.Equal("s15", header[candidates[15]]);
    }
}
