using System.Reflection;
using System.Text.Json;

namespace WebhookReceiver.Cli.Samples;

/// <summary>
/// The built-in sample payloads: one data file per provider id (<c>Samples/{id}.json</c>, embedded) and a generic
/// fallback (<c>Samples/generic.json</c>) for providers that have none yet.
/// </summary>
internal static class WebhookSampleCatalog
{
    public const string Generic = "generic";

    /// <summary>Gets the samples of the provider, or the generic ones when it has none.</summary>
    public static IReadOnlyList<WebhookSample> For(string providerId)
        => Load(providerId) ?? Load(Generic) ?? throw new InvalidOperationException("The generic samples are missing from the tool.");

    /// <summary>Gets whether the provider has samples of its own (not the generic fallback).</summary>
    public static bool HasOwn(string providerId) => Load(providerId) is not null;

    public static WebhookSample? Find(string providerId, string name)
        => For(providerId).FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    private static List<WebhookSample>? Load(string id)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"samples/{WebhookProviders.Find(id)?.Id ?? id}.json");
        return stream is null ? null : JsonSerializer.Deserialize(stream, WebhookSampleJsonContext.Default.WebhookSampleFile)?.Samples;
    }
}
