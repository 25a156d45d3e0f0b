namespace WebhookReceiver.Tests;

public sealed class WebhookTimestampTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2026-11-27T12:00:00Z", 0)]
    [InlineData("2026-11-27T12:00:00.5Z", 5_000_000)]
    [InlineData("2026-11-27T12:00:00.123456789Z", 1_234_567)]
    [InlineData("2026-11-27T12:00:00.000000001Z", 0)]
    [InlineData("2026-11-27T14:00:00.25+02:00", 2_500_000)]
    [InlineData(" 2026-11-27T12:00:00Z ", 0)]
    public void TryParseRfc3339_ValidTime_ParsesToUtcDroppingDigitsBeyond100Ns(string text, long ticksAfterNoon)
    {
        Assert.True(WebhookTimestamp.TryParseRfc3339(text, out var parsed));

        Assert.Equal(Noon.AddTicks(ticksAfterNoon), parsed);
        Assert.Equal(TimeSpan.Zero, parsed.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1795780800")]
    [InlineData("2026-11-27 12:00:00Z")]
    [InlineData("2026-11-27T12:00:00")]
    [InlineData("27/11/2026 12:00:00")]
    [InlineData("2026-11-27T12:00:00.Z")]
    [InlineData("2026-13-27T12:00:00Z")]
    public void TryParseRfc3339_NotRfc3339_ReturnsFalse(string text)
        => Assert.False(WebhookTimestamp.TryParseRfc3339(text, out _));
}
