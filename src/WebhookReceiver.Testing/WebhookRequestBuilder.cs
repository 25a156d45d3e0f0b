using System.Text;
using Microsoft.AspNetCore.Http;
using WebhookReceiver.Testing.Internal;

namespace WebhookReceiver.Testing;

/// <summary>
/// Builds webhook deliveries signed by a scheme's own <see cref="WebhookScheme.Sign"/>, the code the receiver verifies
/// with, and every negative case a receiver must refuse: wrong secret, stale or future timestamp, duplicate id,
/// tampered body, missing header. The timestamp comes from a <see cref="TimeProvider"/> (a <c>FakeTimeProvider</c> in
/// tests), and the requests go to any <see cref="HttpClient"/>, including <c>WebApplicationFactory</c> clients.
/// </summary>
public sealed class WebhookRequestBuilder
{
    private static readonly TimeSpan OutsideTolerance = TimeSpan.FromMinutes(1);
    private readonly WebhookScheme _scheme;
    private readonly WebhookProvider? _provider;
    private readonly IReadOnlyList<KeyValuePair<string, string?>>? _settings;
    private readonly List<KeyValuePair<string, string[]>> _headers = [];
    private readonly HashSet<string> _removedHeaders = new(StringComparer.OrdinalIgnoreCase);
    private TimeProvider _time = TimeProvider.System;
    private ReadOnlyMemory<byte> _body = "{}"u8.ToArray();
    private string _method = "POST";
    private string? _url;
    private string? _id;
    private string? _eventType;
    private string _contentType = "application/json";
    private DateTimeOffset? _timestamp;
    private TimeSpan _timestampShift;
    private string? _signingSecret;
    private bool _wrongSecret;
    private bool _tamper;

    /// <summary>
    /// Creates a builder that signs with <paramref name="scheme"/>, e.g. the application's own from <c>IWebhookVerifier.GetScheme</c>.
    /// <see cref="WithWrongSecret"/> and <see cref="SignedWith"/> then sign with the provider's default options.
    /// </summary>
    /// <param name="scheme">The scheme.</param>
    public WebhookRequestBuilder(WebhookScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        _scheme = scheme;
        _provider = WebhookProviders.All.FirstOrDefault(p => p.OptionsType == scheme.Options.GetType());
    }

    /// <summary>Creates a builder that signs as <paramref name="provider"/> does with <paramref name="secret"/>.</summary>
    /// <param name="provider">The provider, e.g. one of <see cref="WebhookProviders.All"/>.</param>
    /// <param name="secret">The secret (or signing key) as the provider shows it.</param>
    public WebhookRequestBuilder(WebhookProvider provider, string secret)
        : this(provider, secret, settings: null)
    {
    }

    /// <summary>Creates a builder that signs as <paramref name="provider"/> does with <paramref name="secret"/> and provider settings.</summary>
    /// <param name="provider">The provider.</param>
    /// <param name="secret">The secret (or signing key).</param>
    /// <param name="settings">Option values by key as in <c>Webhooks:Schemes:{name}</c> (e.g. the <c>hmac</c> provider's <c>SignatureHeader</c>), or <see langword="null"/>.</param>
    public WebhookRequestBuilder(WebhookProvider provider, string secret, IEnumerable<KeyValuePair<string, string?>>? settings)
    {
        ArgumentNullException.ThrowIfNull(provider);
        _settings = settings?.ToList();
        _scheme = provider.CreateScheme(secret, _settings);
        _provider = provider;
    }

    /// <summary>Creates a builder for the provider with id <paramref name="providerId"/> (see <see cref="WebhookProviders.All"/>).</summary>
    /// <param name="providerId">The provider id, e.g. <c>standard-webhooks</c>.</param>
    /// <param name="secret">The secret (or signing key).</param>
    public static WebhookRequestBuilder For(string providerId, string secret)
        => new(WebhookProviders.Find(providerId) ?? throw new ArgumentException($"No provider has id '{providerId}'.", nameof(providerId)), secret);

    /// <summary>
    /// Creates a builder that re-signs a captured delivery with <paramref name="scheme"/>: same method, body and
    /// headers, but a fresh id, the current timestamp and a new signature in place of the captured ones.
    /// </summary>
    /// <param name="capture">The captured delivery.</param>
    /// <param name="scheme">The scheme to sign with.</param>
    public static WebhookRequestBuilder FromCapture(WebhookCapture capture, WebhookScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(capture);
        var builder = new WebhookRequestBuilder(scheme).WithMethod(capture.Method).WithBody(capture.Body);
        var headers = new HeaderDictionary();
        foreach (var (name, values) in capture.Headers)
        {
            headers[name] = values;
            if (string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase))
                builder._contentType = string.Join(", ", values);
            else if (HttpHeaderCopy.IsCopied(name))
                builder._headers.Add(new(name, values));
        }
        builder._eventType = OwnDelivery.Read(scheme, capture.Method, capture.Body, headers)?.Whole.EventType.Value;
        return builder;
    }

    /// <summary>Gets the scheme the builder signs with.</summary>
    public WebhookScheme Scheme => _scheme;

    /// <summary>Sets the URL, absolute or relative to the client's base address. URL-signing schemes sign the absolute URL.</summary>
    /// <param name="url">The URL.</param>
    public WebhookRequestBuilder To(string url) { ArgumentException.ThrowIfNullOrEmpty(url); _url = url; return this; }

    /// <summary>Sets the body to the UTF-8 bytes of <paramref name="body"/>. The default is <c>{}</c>.</summary>
    /// <param name="body">The body text.</param>
    public WebhookRequestBuilder WithBody(string body) { ArgumentNullException.ThrowIfNull(body); _body = Encoding.UTF8.GetBytes(body); return this; }

    /// <summary>Sets the exact body bytes.</summary>
    /// <param name="body">The body.</param>
    public WebhookRequestBuilder WithBody(ReadOnlyMemory<byte> body) { _body = body; return this; }

    /// <summary>Sets the <c>Content-Type</c>. The default is <c>application/json</c>.</summary>
    /// <param name="contentType">The media type.</param>
    public WebhookRequestBuilder WithContentType(string contentType) { ArgumentException.ThrowIfNullOrEmpty(contentType); _contentType = contentType; return this; }

    /// <summary>Sets the HTTP method. The default is <c>POST</c>.</summary>
    /// <param name="method">The method.</param>
    public WebhookRequestBuilder WithMethod(string method) { ArgumentException.ThrowIfNullOrEmpty(method); _method = method; return this; }

    /// <summary>Sets the delivery id. By default the scheme makes a fresh one for each signature.</summary>
    /// <param name="id">The id.</param>
    public WebhookRequestBuilder WithId(string id) { ArgumentException.ThrowIfNullOrEmpty(id); _id = id; return this; }

    /// <summary>Sets the event type, for schemes that carry it in a header.</summary>
    /// <param name="eventType">The event type, e.g. <c>push</c>.</param>
    public WebhookRequestBuilder WithEventType(string? eventType) { _eventType = eventType; return this; }

    /// <summary>Sets the signed timestamp. By default it is the current time of the builder's <see cref="TimeProvider"/>.</summary>
    /// <param name="timestamp">The timestamp.</param>
    public WebhookRequestBuilder WithTimestamp(DateTimeOffset timestamp) { _timestamp = timestamp; return this; }

    /// <summary>Sets the clock the timestamp is read from. The default is <see cref="TimeProvider.System"/>.</summary>
    /// <param name="timeProvider">The clock, e.g. the application's <c>FakeTimeProvider</c>.</param>
    public WebhookRequestBuilder WithTimeProvider(TimeProvider timeProvider) { ArgumentNullException.ThrowIfNull(timeProvider); _time = timeProvider; return this; }

    /// <summary>Adds a header sent beside the signature headers (a signature header of the same name wins).</summary>
    /// <param name="name">The header name.</param>
    /// <param name="value">The value.</param>
    public WebhookRequestBuilder WithHeader(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        _headers.Add(new(name, [value]));
        return this;
    }

    /// <summary>Signs with another secret of the provider (e.g. the old one of a rotation) instead of the scheme's.</summary>
    /// <param name="secret">The secret.</param>
    public WebhookRequestBuilder SignedWith(string secret) { ArgumentException.ThrowIfNullOrEmpty(secret); _signingSecret = secret; return this; }

    /// <summary>Negative case: signs with a secret of the same shape that differs from the scheme's by one character.</summary>
    public WebhookRequestBuilder WithWrongSecret() { _wrongSecret = true; return this; }

    /// <summary>Negative case: a timestamp one minute older than the scheme's tolerance allows.</summary>
    public WebhookRequestBuilder WithStaleTimestamp() { _timestampShift = -(_scheme.Options.Tolerance + OutsideTolerance); return this; }

    /// <summary>Negative case: a timestamp one minute further in the future than the scheme's tolerance allows.</summary>
    public WebhookRequestBuilder WithFutureTimestamp() { _timestampShift = _scheme.Options.Tolerance + OutsideTolerance; return this; }

    /// <summary>Negative case: signs the body, then sends it with one byte changed (a digit, or a trailing space when it has none).</summary>
    public WebhookRequestBuilder WithTamperedBody() { _tamper = true; return this; }

    /// <summary>Negative case: leaves out the header <paramref name="name"/> (e.g. the signature header) from what is sent.</summary>
    /// <param name="name">The header name, case-insensitive.</param>
    public WebhookRequestBuilder WithoutHeader(string name) { ArgumentException.ThrowIfNullOrEmpty(name); _removedHeaders.Add(name); return this; }

    /// <summary>
    /// Signs the delivery as the provider would. Throws <see cref="InvalidOperationException"/> when the scheme signs
    /// the URL and no absolute URL is known.
    /// </summary>
    /// <param name="baseAddress">Resolves a relative URL, e.g. the client's <see cref="HttpClient.BaseAddress"/>.</param>
    public WebhookSignedRequest Sign(Uri? baseAddress = null)
    {
        var url = ResolveUrl(baseAddress);
        if (_scheme.RequiresUrl && url is null)
            throw new InvalidOperationException($"Scheme '{_scheme.Name}' signs the URL: call To() with an absolute URL or pass the base address.");
        var timestamp = (_timestamp ?? _time.GetUtcNow()) + _timestampShift;
        var signed = SigningScheme().Sign(new WebhookSigningRequest
        {
            Body = _body,
            Id = _id,
            Timestamp = timestamp,
            Url = url,
            Method = _method,
            EventType = _eventType,
        });
        return _tamper ? signed with { Body = Tamper(signed.Body) } : signed;
    }

    /// <summary>Signs the delivery and returns it as a request message; each call signs anew (a fresh id unless one is set).</summary>
    /// <param name="baseAddress">Resolves a relative URL for URL-signing schemes.</param>
    public HttpRequestMessage Build(Uri? baseAddress = null) => ToMessage(Sign(baseAddress));

    /// <summary>Negative case: signs once and returns <paramref name="count"/> identical messages (same id, timestamp and signature).</summary>
    /// <param name="count">How many copies. The default is 2.</param>
    /// <param name="baseAddress">Resolves a relative URL for URL-signing schemes.</param>
    public IReadOnlyList<HttpRequestMessage> BuildDuplicates(int count = 2, Uri? baseAddress = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var signed = Sign(baseAddress);
        return [.. Enumerable.Range(0, count).Select(_ => ToMessage(signed))];
    }

    /// <summary>Signs the delivery and sends it with <paramref name="client"/>.</summary>
    /// <param name="client">The client, e.g. from <c>WebApplicationFactory.CreateClient()</c>.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    public async Task<HttpResponseMessage> SendAsync(HttpClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var message = Build(client.BaseAddress);
        return await client.SendAsync(message, cancellationToken);
    }

    /// <summary>Negative case: sends the same signed delivery <paramref name="count"/> times, one after the other.</summary>
    /// <param name="client">The client.</param>
    /// <param name="count">How many times. The default is 2.</param>
    /// <param name="cancellationToken">Cancels the sends.</param>
    public async Task<IReadOnlyList<HttpResponseMessage>> SendDuplicatesAsync(HttpClient client, int count = 2, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var responses = new List<HttpResponseMessage>(count);
        foreach (var message in BuildDuplicates(count, client.BaseAddress))
        {
            using (message)
                responses.Add(await client.SendAsync(message, cancellationToken));
        }
        return responses;
    }

    private WebhookScheme SigningScheme()
    {
        if (_signingSecret is null && !_wrongSecret)
            return _scheme;
        var provider = _provider ?? throw new InvalidOperationException(
            $"The provider of scheme '{_scheme.Name}' is not in WebhookProviders.All; build from a provider to sign with another secret.");
        var secret = _signingSecret ?? _scheme.Options.GetAllSecrets()[0];
        return provider.CreateScheme(_wrongSecret ? provider.CreateSigningSecret() : secret, _settings, _scheme.Name);
    }

    private string? ResolveUrl(Uri? baseAddress)
    {
        if (_url is null)
            return baseAddress?.AbsoluteUri;
        if (Uri.TryCreate(_url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
            return absolute.AbsoluteUri;
        return baseAddress is null ? null : new Uri(baseAddress, _url).AbsoluteUri;
    }

    private HttpRequestMessage ToMessage(WebhookSignedRequest signed)
    {
        var target = signed.Url ?? _url ?? throw new InvalidOperationException("No URL: call To() first.");
        var message = new HttpRequestMessage(new HttpMethod(signed.Method), new Uri(target, UriKind.RelativeOrAbsolute))
        {
            Content = new ByteArrayContent(signed.Body.ToArray()),
        };
        if (!_removedHeaders.Contains("Content-Type"))
            HttpHeaderCopy.Add(message, "Content-Type", [_contentType]);
        var signedNames = new HashSet<string>(signed.Headers.Select(h => h.Key), StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in _headers)
        {
            if (!signedNames.Contains(name) && !_removedHeaders.Contains(name))
                HttpHeaderCopy.Add(message, name, values);
        }
        foreach (var (name, value) in signed.Headers)
        {
            if (!_removedHeaders.Contains(name))
                HttpHeaderCopy.Add(message, name, [value]);
        }
        return message;
    }

    private static byte[] Tamper(ReadOnlyMemory<byte> body)
    {
        var bytes = body.ToArray();
        var digit = Array.FindIndex(bytes, static b => b is >= (byte)'0' and <= (byte)'9');
        if (digit < 0)
            return [.. bytes, (byte)' '];
        bytes[digit] = bytes[digit] == (byte)'9' ? (byte)'0' : (byte)(bytes[digit] + 1);
        return bytes;
    }
}
