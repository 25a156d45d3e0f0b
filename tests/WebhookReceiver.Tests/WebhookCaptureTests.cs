using System.Text;
using Microsoft.Extensions.Primitives;

namespace WebhookReceiver.Tests;

public sealed class WebhookCaptureTests
{
    [Fact]
    public async Task SaveAsyncThenLoad_BinaryBody_KeepsEveryByteAndHasNoTextCopy()
    {
        byte[] body = [0xFF, 0x00, 0x0D, 0x0A, 0xC3];
        var capture = WebhookCapture.Create("POST", "/hooks", "?a=1",
            [new("webhook-id", "msg_1"), new("X-Multi", new StringValues(["a", "b"]))], body, DateTimeOffset.FromUnixTimeSeconds(1614265330));

        var path = await capture.SaveAsync(Directory.CreateTempSubdirectory().FullName, TestContext.Current.CancellationToken);
        var loaded = WebhookCapture.Load(path);

        Assert.Equal(body, loaded.Body);
        Assert.Null(loaded.BodyText);
        Assert.Equal(["a", "b"], loaded.Headers["X-Multi"]);
        Assert.Equal(("POST", "/hooks", "?a=1"), (loaded.Method, loaded.Path, loaded.Query));
        Assert.Equal(capture.ReceivedAt, loaded.ReceivedAt);
        Assert.StartsWith("20210225T150210", Path.GetFileName(path), StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_Utf8Body_HasBase64BodyAndTextCopy()
    {
        var capture = WebhookCapture.Create("POST", "/", null, [], Encoding.UTF8.GetBytes("{\"a\":\"é\"}\n"), DateTimeOffset.UnixEpoch);

        var json = capture.ToJson();
        var parsed = WebhookCapture.FromJson(json);

        Assert.Contains("\"body\": \"eyJhIjoiw6kifQo=\"", json, StringComparison.Ordinal);
        Assert.Equal("{\"a\":\"é\"}\n", parsed.BodyText);
        Assert.Null(parsed.Query);
    }
}
