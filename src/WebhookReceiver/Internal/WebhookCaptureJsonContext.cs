using System.Text.Json.Serialization;

namespace WebhookReceiver.Internal;

/// <summary>The source-generated (trim- and AOT-safe) JSON contract of <see cref="WebhookCapture"/> files.</summary>
[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WebhookCapture))]
internal sealed partial class WebhookCaptureJsonContext : JsonSerializerContext;
