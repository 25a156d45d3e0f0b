using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WebhookReceiver.Internal;

/// <summary>The source-generated (trim- and AOT-safe) JSON contract of <see cref="WebhookCapture"/> files.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WebhookCapture))]
internal sealed partial class WebhookCaptureJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The context the files are written and read with: quotes and non-ASCII text stay readable in <c>bodyText</c>
    /// (the files are data, never embedded in HTML).
    /// </summary>
    public static WebhookCaptureJsonContext Files { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
