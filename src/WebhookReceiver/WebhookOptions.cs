using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace WebhookReceiver;

/// <summary>Settings shared by every webhook endpoint. Per-scheme settings live in <see cref="WebhookSchemeOptions"/>.</summary>
public sealed class WebhookOptions
{
    /// <summary>The configuration section schemes bind from: <c>Webhooks:Schemes:{name}</c>.</summary>
    public const string SchemesSection = "Webhooks:Schemes";

    /// <summary>
    /// Gets or sets the status answered to a verified delivery whose event type has no handler. The default is 200
    /// (body <c>{"status":"ignored"}</c>), so providers do not retry or disable the endpoint.
    /// </summary>
    public int IgnoredStatusCode { get; set; } = 200;

    /// <summary>
    /// Gets the JSON options used to deserialize payloads, <see cref="JsonSerializerDefaults.Web"/> by default.
    /// For Native AOT, add a source-generated context to its <c>TypeInfoResolverChain</c> (or pass a
    /// <c>JsonTypeInfo</c> when adding a handler).
    /// </summary>
    public JsonSerializerOptions JsonSerializerOptions { get; } = CreateJsonOptions();

    /// <summary>Gets or sets the <c>Retry-After</c> sent with 409 while the same delivery is in flight. The default is 5 seconds.</summary>
    public TimeSpan InFlightRetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets the <c>Retry-After</c> sent with 503 when the nonce store is unreachable. The default is 30 seconds.</summary>
    public TimeSpan UnavailableRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets the folder where every delivery whose body was read is written as one JSON file
    /// (<see cref="WebhookCapture"/>: method, path, query, headers, exact body, received time, scheme, outcome, status),
    /// for <c>webhook replay</c> and test fixtures. The default is <see langword="null"/>: capture is off.
    /// Files are written in the background after the response is decided; a failed write is logged, never the request's
    /// problem. Capture files hold signatures and payloads as received: a development and staging feature, keep them
    /// private. Headers that carry a secret (<c>Authorization</c>, <c>Proxy-Authorization</c>, <c>Cookie</c> and the
    /// scheme's own, see <see cref="WebhookScheme.SecretHeaders"/>) are written as <c>[redacted]</c>.
    /// </summary>
    public string? CaptureDirectory { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether deliveries that failed verification (401, 413) are captured too. The
    /// default is <see langword="false"/>: only verified deliveries are written, so unauthenticated requests cannot fill
    /// the folder.
    /// </summary>
    public bool CaptureUnverified { get; set; }

    /// <summary>Gets or sets the largest body captured; larger deliveries are not written (logged). The default is 1 MiB.</summary>
    public long CaptureMaxBodySize { get; set; } = 1024 * 1024;

    /// <summary>
    /// Gets or sets how many bytes of capture files the folder may hold (those already there count); past it new captures
    /// are dropped with a warning. The default is 256 MiB.
    /// </summary>
    public long CaptureMaxDirectorySize { get; set; } = 256L * 1024 * 1024;

    // The same guard ASP.NET Core's JsonOptions uses: the trimmer removes the reflection resolver
    // when the app turns System.Text.Json reflection off (Native AOT), leaving source-generated contexts only.
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Guarded by JsonSerializer.IsReflectionEnabledByDefault.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Guarded by JsonSerializer.IsReflectionEnabledByDefault.")]
    private static JsonSerializerOptions CreateJsonOptions() => new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = JsonSerializer.IsReflectionEnabledByDefault ? new DefaultJsonTypeInfoResolver() : JsonTypeInfoResolver.Combine(),
    };
}
