using System.Text.Json;
using System.Text.Json.Serialization;

namespace WebhookReceiver.Cli.Samples;

/// <summary>The source-generated JSON contract of the sample files.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(WebhookSampleFile))]
internal sealed partial class WebhookSampleJsonContext : JsonSerializerContext;
