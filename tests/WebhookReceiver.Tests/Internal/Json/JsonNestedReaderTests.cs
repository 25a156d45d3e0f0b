using System.Text;
using WebhookReceiver.Internal;

namespace WebhookReceiver.Tests.Internal;

public sealed class JsonNestedReaderTests
{
    [Theory]
    [InlineData("""{"type":"event_callback","event":{"user":"U1","type":"app_mention"}}""", "app_mention")]
    [InlineData("""{"event":{"items":[{"type":"nested-too-deep"}],"type":"message"}}""", "message")]
    [InlineData("""{"event":"not-an-object","type":"x"}""", null)]
    [InlineData("""{"type":"url_verification"}""", null)]
    [InlineData("""{"event":{"type":42}}""", "42")]
    public void TryRead_JsonObject_ReadsTheInnerPropertyOrNull(string json, string? expected)
    {
        Assert.True(JsonNestedReader.TryRead(Encoding.UTF8.GetBytes(json), "event"u8, "type"u8, out var value));

        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("payload=%7B%7D")]
    [InlineData("""{"event":{"type":"x" """)]
    public void TryRead_NotAJsonObject_ReturnsFalse(string json)
        => Assert.False(JsonNestedReader.TryRead(Encoding.UTF8.GetBytes(json), "event"u8, "type"u8, out _));
}
