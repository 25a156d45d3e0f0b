using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Primitives;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// One received delivery as written by the receiver's capture (<see cref="WebhookOptions.CaptureDirectory"/>) and by
/// <c>webhook listen</c>, and read by <c>webhook replay</c> and the Testing package: one JSON file per delivery.
/// Capture files hold the headers as received, signatures included, and the body: treat them as sensitive.
/// </summary>
public sealed class WebhookCapture
{
    /// <summary>Gets or sets the HTTP method. The default is <c>POST</c>.</summary>
    public string Method { get; set; } = "POST";

    /// <summary>Gets or sets the request path (path base included), e.g. <c>/webhooks/stripe</c>. The default is <c>/</c>.</summary>
    public string Path { get; set; } = "/";

    /// <summary>Gets or sets the query string with its leading <c>?</c>, or <see langword="null"/> when there was none.</summary>
    public string? Query { get; set; }

    /// <summary>Gets or sets the request headers as received, every value of each, in arrival order.</summary>
    public Dictionary<string, string[]> Headers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets or sets the exact body bytes (base64 in the file).</summary>
    public byte[] Body { get; set; } = [];

    /// <summary>Gets or sets a UTF-8 text copy of <see cref="Body"/> for reading, or <see langword="null"/> when the body is not valid UTF-8. Never used to send.</summary>
    public string? BodyText { get; set; }

    /// <summary>Gets or sets when the delivery was received.</summary>
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>Gets or sets the name of the scheme that verified the delivery, or <see langword="null"/> (e.g. from <c>webhook listen</c>).</summary>
    public string? Scheme { get; set; }

    /// <summary>Gets or sets how the delivery ended, e.g. <c>processed</c>, <c>duplicate</c>, <c>unauthorized</c>; <see langword="null"/> when unknown.</summary>
    public string? Outcome { get; set; }

    /// <summary>Gets or sets the status code answered, or <see langword="null"/> when none was.</summary>
    public int? StatusCode { get; set; }

    /// <summary>Creates a capture from the parts of a request, copying the body and the headers.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path.</param>
    /// <param name="query">The query string with its leading <c>?</c>, or <see langword="null"/> or empty when there was none.</param>
    /// <param name="headers">The headers.</param>
    /// <param name="body">The exact body bytes.</param>
    /// <param name="receivedAt">When the delivery was received.</param>
    public static WebhookCapture Create(string method, string path, string? query,
        IEnumerable<KeyValuePair<string, StringValues>> headers, ReadOnlySpan<byte> body, DateTimeOffset receivedAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(headers);
        var copy = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in headers)
        {
            string[] current = [.. values.Where(static v => v is not null).Select(static v => v!)];
            copy[name] = copy.TryGetValue(name, out var earlier) ? [.. earlier, .. current] : current;
        }
        var bytes = body.ToArray();
        return new WebhookCapture
        {
            Method = method,
            Path = path.Length == 0 ? "/" : path,
            Query = string.IsNullOrEmpty(query) ? null : query,
            Headers = copy,
            Body = bytes,
            BodyText = TryDecodeUtf8(bytes),
            ReceivedAt = receivedAt,
        };
    }

    /// <summary>Reads a capture file; throws <see cref="JsonException"/> or <see cref="IOException"/> when it cannot.</summary>
    /// <param name="path">The file path.</param>
    public static WebhookCapture Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize(stream, WebhookCaptureJsonContext.Files.WebhookCapture)
            ?? throw new JsonException($"'{path}' holds no capture.");
    }

    /// <summary>Reads a capture file asynchronously.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<WebhookCapture> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync(stream, WebhookCaptureJsonContext.Files.WebhookCapture, cancellationToken)
            ?? throw new JsonException($"'{path}' holds no capture.");
    }

    /// <summary>
    /// Writes the capture as a new file in <paramref name="directory"/> (created when missing), named after the
    /// received time so that a folder lists in arrival order, and returns the file's path.
    /// </summary>
    /// <param name="directory">The folder.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public async Task<string> SaveAsync(string directory, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory.CreateDirectory(directory);
        var path = System.IO.Path.Combine(directory, CreateFileName());
        await using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true);
        await JsonSerializer.SerializeAsync(stream, this, WebhookCaptureJsonContext.Files.WebhookCapture, cancellationToken);
        return path;
    }

    /// <summary>Serializes the capture to its JSON file format.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, WebhookCaptureJsonContext.Files.WebhookCapture);

    /// <summary>Parses the JSON file format.</summary>
    /// <param name="json">The JSON text.</param>
    public static WebhookCapture FromJson(string json)
        => JsonSerializer.Deserialize(json, WebhookCaptureJsonContext.Files.WebhookCapture)
           ?? throw new JsonException("The JSON holds no capture.");

    private string CreateFileName()
        => string.Create(CultureInfo.InvariantCulture,
            $"{ReceivedAt.UtcDateTime:yyyyMMdd'T'HHmmss'.'fffffff'Z'}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}.json");

    private static string? TryDecodeUtf8(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
