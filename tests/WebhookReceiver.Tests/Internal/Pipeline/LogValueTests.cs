using WebhookReceiver.Internal;

namespace WebhookReceiver.Tests.Internal;

public sealed class LogValueTests
{
    [Fact]
    public void Of_ForgedLineBreakAndLongValue_IsEscapedTruncatedAndMarkedUnsigned()
    {
        var value = WebhookValue.FromLabel("evt_1\n2026-12-01 info: evt_FORGED processed" + new string('x', 1_000_000));

        var text = LogValue.Of(value)!;

        Assert.DoesNotContain('\n', text);
        Assert.StartsWith("evt_1\\u000a2026", text, StringComparison.Ordinal);
        Assert.True(text.Length < 130, $"{text.Length} characters");
        Assert.EndsWith("(unsigned)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_PlainSignedValue_IsUnchanged()
        => Assert.Equal("evt_1", LogValue.Of(WebhookValue.FromSigned("evt_1")));
}
