using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// The HubSpot scheme, signature v3: base64 HMAC-SHA256 of <c>{method}{uri}{body}{timestamp}</c> in
/// <c>X-HubSpot-Signature-v3</c>, the timestamp (Unix milliseconds, <c>X-HubSpot-Request-Timestamp</c>) within 5 minutes.
/// The URI is the one HubSpot called, with the characters HubSpot documents (<c>%3A %2F %3F %40 %21 %24 %27 %28 %29
/// %2A %2C %3B</c>) decoded. A body that is an array of events is handled event by event (<c>eventId</c>,
/// <c>subscriptionType</c>) unless <see cref="HubSpotOptions.SplitBatch"/> is off.
/// </summary>
public sealed class HubSpotScheme : WebhookScheme
{
    private static readonly (string Encoded, string Decoded)[] DecodedInUri =
    [
        ("%3A", ":"), ("%2F", "/"), ("%3F", "?"), ("%40", "@"), ("%21", "!"), ("%24", "$"),
        ("%27", "'"), ("%28", "("), ("%29", ")"), ("%2A", "*"), ("%2C", ","), ("%3B", ";"),
    ];

    private readonly byte[][] _keys;
    private readonly bool _splitBatch;

    /// <summary>Builds the scheme.</summary>
    /// <param name="name">The registration name.</param>
    /// <param name="options">The options.</param>
    public HubSpotScheme(string name, HubSpotOptions options)
        : base(name, options)
    {
        _keys = HmacSignature.Utf8Keys(options);
        _splitBatch = options.SplitBatch;
    }

    /// <summary>Gets the provider descriptor (id <c>hubspot</c>).</summary>
    public static WebhookProvider<HubSpotOptions> Provider { get; } = new(
        HubSpotDefaults.ProviderId, "HubSpot",
        static (name, options) => new HubSpotScheme(name, options),
        static (section, options) => section.Bind(options));

    /// <inheritdoc />
    public override bool RequiresUrl => true;

    /// <inheritdoc />
    protected override WebhookVerificationResult VerifySignature(in WebhookRequest request, DateTimeOffset now)
    {
        var time = SignedHeaders.Read(request, HubSpotDefaults.SignatureHeader, HubSpotDefaults.TimestampHeader, milliseconds: true,
            Options.Tolerance, now, out var signature, out var timestampText);
        if (!time.Succeeded)
            return time;
        if (request.Url is not { } url)
            return UrlSignature.NoUrl("HubSpot");

        using var content = SignedContent(request.Method, url, request.Body.Span, timestampText);
        return HmacSignature.Verify(WebhookHmacAlgorithm.Sha256, _keys, content.Span, WebhookSignatureEncoding.Base64, signature)
            ? time
            : UrlSignature.Mismatch(url);
    }

    /// <summary>The URI as HubSpot signs it: the characters HubSpot lists decoded (in either case), everything else kept.</summary>
    /// <param name="uri">The URI the provider called.</param>
    internal static string DecodeUri(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.Contains('%', StringComparison.Ordinal))
            return uri;
        var builder = new StringBuilder(uri);
        foreach (var (encoded, decoded) in DecodedInUri)
            builder.Replace(encoded, decoded).Replace(encoded.ToLowerInvariant(), decoded);
        return builder.ToString();
    }

    private static SignedContentBuffer SignedContent(string method, string url, ReadOnlySpan<byte> body, string timestamp)
    {
        var uri = DecodeUri(url);
        var content = new SignedContentBuffer(method.Length + uri.Length * 3 + body.Length + timestamp.Length);
        content.Append(method);
        content.Append(uri);
        content.Append(body);
        content.Append(timestamp);
        return content;
    }

    /// <inheritdoc />
    protected override WebhookDelivery? ReadDelivery(in WebhookRequest request)
        => JsonBatchReader.ReadDelivery(_splitBatch, request.Body, "eventId"u8, "subscriptionType"u8);

    /// <inheritdoc />
    public override WebhookSignedRequest Sign(WebhookSigningRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var url = request.Url ?? throw new InvalidOperationException("HubSpot signs the URL it calls: set WebhookSigningRequest.Url.");
        var timestamp = request.Timestamp.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        using var content = SignedContent(request.Method, url, request.Body.Span, timestamp);
        var signature = HmacSignature.Sign(WebhookHmacAlgorithm.Sha256, _keys[0], content.Span, WebhookSignatureEncoding.Base64);
        return new WebhookSignedRequest(request.Method, url, Headers(
            (HubSpotDefaults.SignatureHeader, signature),
            (HubSpotDefaults.TimestampHeader, timestamp)), request.Body);
    }
}
