using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace WebhookReceiver.Tests.Fuzz;

/// <summary>
/// Builds the requests of one scheme from its genuine signed deliveries, with a seeded <see cref="Random"/>: the genuine
/// delivery and its replay, a provoked handler failure, then mutations of the genuine delivery (tampered, re-encoded,
/// truncated, oversized, invalid UTF-8, lone surrogates, deep nesting, huge arrays, thousands of signatures, header
/// floods), unsigned garbage, and hostile content signed with the real key. Requests are sent in the order given.
/// </summary>
internal sealed class FuzzMutations(FuzzProvider scheme, Random random, DateTimeOffset now, int firstNumber)
{
    /// <summary>Kestrel's default limit on all request headers together is 32 KB: floods stay just inside it, or go past it.</summary>
    private const int HeaderBudget = 28 * 1024;

    private static readonly byte[] CanaryBytes = Encoding.UTF8.GetBytes(FuzzProvider.Canary);

    /// <summary>
    /// Whole-body arrays of <c>{}</c> fill the 1 MiB limit for the batch providers (and Standard Webhooks), where an unsigned
    /// one once cost ~750 ms; 256 KiB elsewhere, so that capture files stay a few hundred megabytes in all.
    /// </summary>
    private int HugeArraySize => scheme.Provider.Id is "sendgrid" or "hubspot" or "standard-webhooks"
        ? (int)WebhookSchemeOptions.DefaultMaxBodySize - 16
        : 256 * 1024;

    /// <summary>
    /// Signed arrays stay at 256 KiB: a batch provider runs every item (claim, handler, complete), and a provider-signed
    /// 1 MiB batch takes a second or more (~350,000 <c>{}</c> items, or ~16,000 distinct events), which is the sender's
    /// cost rather than an attacker's and would make the 5-second bound depend on the machine's load.
    /// </summary>
    private const int SignedBatchSize = 256 * 1024;

    private readonly List<FuzzRequest> _requests = [];
    private IReadOnlySet<string> _signatureHeaders = new HashSet<string>();
    private int _number = firstNumber;

    /// <summary>The signature-bearing values sent (for the log check): every value of a signature header.</summary>
    public List<string> SentSignatures { get; } = [];

    public List<FuzzRequest> Build()
    {
        var genuine = Sign(scheme.Body(Next()));
        var signatureHeaders = _signatureHeaders = scheme.SignatureHeaders;

        Add("genuine", genuine, FuzzExpectation.Processed);
        Add("replay", genuine, FuzzExpectation.NotAccepted);
        var boom = Sign(scheme.Body(Next(), FuzzProvider.BoomMarker + " " + FuzzProvider.Canary));
        Add("provoked-500", boom, FuzzExpectation.Provoked500);
        Add("provoked-500-retry", boom, FuzzExpectation.Provoked500);

        BodyMutations(genuine);
        HeaderMutations(genuine, signatureHeaders);
        SignatureFloods(genuine, signatureHeaders);
        HeaderFloods(genuine);
        Unsigned(genuine);
        Garbage(genuine);
        SignedHostile();
        Methods(genuine);
        return _requests;
    }

    private int Next() => _number++;

    private WebhookSignedRequest Sign(string body) => scheme.Sign(body, _number, now);

    // ---- the genuine delivery, mutated in its body -----------------------------------------------------------------

    private void BodyMutations(WebhookSignedRequest genuine)
    {
        var body = genuine.Body.ToArray();
        // A token-only scheme (GitLab) authenticates the sender, not the body: any body with the token is authentic.
        var expect = scheme.SignsBody ? FuzzExpectation.NotAccepted : FuzzExpectation.Authentic;

        for (var i = 0; i < 5; i++)
        {
            var tampered = (byte[])body.Clone();
            tampered[random.Next(tampered.Length)] ^= (byte)(1 << random.Next(7));
            AddBody("tampered-byte", genuine, tampered, expect);
        }
        AddBody("tampered-canary", genuine, Replace(body, CanaryBytes, "CANARY-0000"u8.ToArray()), expect);

        if (scheme.IsForm)
        {
            AddBody("reencoded-order", genuine, Encoding.UTF8.GetBytes(string.Join('&', Encoding.UTF8.GetString(body).Split('&').Reverse())), expect);
            AddBody("reencoded-escapes", genuine, Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("%2B", "%2b", StringComparison.Ordinal)), expect);
            AddBody("reencoded-trailing-amp", genuine, [.. body, (byte)'&'], expect);
        }
        else
        {
            AddBody("reencoded-space", genuine, Insert(body, 1, " "u8.ToArray()), expect);
            AddBody("reencoded-newline", genuine, [.. body, (byte)'\n'], expect);
            AddBody("reencoded-bom", genuine, [0xEF, 0xBB, 0xBF, .. body], expect);
            if (JsonNode.Parse(body) is { } node)
                AddBody("reencoded-indented", genuine, Encoding.UTF8.GetBytes(node.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true })), expect);
            AddBody("reencoded-escaped-char", genuine, Replace(body, "CANARY"u8.ToArray(), "\\u0043ANARY"u8.ToArray()), expect);
        }

        AddBody("truncated", genuine, body[..^1], expect);
        AddBody("truncated", genuine, body[..(body.Length / 2)], expect);
        AddBody("truncated", genuine, body[..1], expect);
        AddBody("truncated", genuine, [], expect);
        AddBody("appended", genuine, [.. body, .. ",{}"u8], expect);
        AddBody("appended", genuine, [.. body, 0], expect);

        AddBody("oversized-field", genuine, ReplaceValue(body, Quoted(new string('x', 256 * 1024))), expect);
        AddBody("oversized-key", genuine, InsertAfterFirstBrace(body, Quoted(new string('k', 64 * 1024)) + ":1,"), expect);
        AddBody("too-large", genuine, Pad(body, (int)WebhookSchemeOptions.DefaultMaxBodySize + 1), expect);
        AddBody("max-size", genuine, Pad(body, (int)WebhookSchemeOptions.DefaultMaxBodySize), expect);

        foreach (var bad in InvalidUtf8)
            AddBody("invalid-utf8", genuine, InsertAfterCanary(body, bad), expect);
        foreach (var surrogate in LoneSurrogates)
            AddBody("lone-surrogate", genuine, InsertAfterCanary(body, Encoding.ASCII.GetBytes(scheme.IsForm ? "%ED%A0%80" : surrogate)), expect);

        AddBody("deep-nesting", genuine, ReplaceValue(body, Nested(10_000)), expect);
        AddBody("deep-nesting-objects", genuine, ReplaceValue(body, NestedObjects(5_000)), expect);
        AddBody("deep-nesting-whole", genuine, Encoding.ASCII.GetBytes(Nested(10_000)), expect);
        AddBody("huge-array", genuine, ReplaceValue(body, EmptyObjects(256 * 1024)), expect);
        AddBody("huge-array-whole", genuine, Encoding.ASCII.GetBytes(EmptyObjects(HugeArraySize)), expect);
        AddBody("many-properties", genuine, InsertAfterFirstBrace(body, ManyProperties(20_000) + ","), expect);
        if (scheme.IsForm)
        {
            AddBody("many-form-fields", genuine, Encoding.ASCII.GetBytes(ManyFormFields(2_000) + "&" + Encoding.UTF8.GetString(body)), expect);
            AddBody("long-form-key", genuine, Encoding.ASCII.GetBytes(new string('k', 3_000) + "=1&" + Encoding.UTF8.GetString(body)), expect);
        }
    }

    // ---- the genuine delivery, mutated in its headers ----------------------------------------------------------------

    private void HeaderMutations(WebhookSignedRequest genuine, IReadOnlySet<string> signatureHeaders)
    {
        foreach (var (name, value) in genuine.Headers)
        {
            // Copies that differ only in a header: a wrong signature or timestamp is refused; an unsigned label changed is
            // the same signed content, a duplicate. Either way the handler must not run again.
            AddHeaders("header-flipped", genuine, With(genuine, name, Flip(value)));
            AddHeaders("header-removed", genuine, Without(genuine, name));
            AddHeaders("header-empty", genuine, With(genuine, name, ""));
            AddHeaders("header-padded", genuine, With(genuine, name, "  " + value + "  "));
            AddHeaders("header-doubled", genuine, With(genuine, name, value + "," + value));
            AddHeaders("header-repeated", genuine, [.. Without(genuine, name), new(name, Flip(value)), new(name, value)]);
            if (!signatureHeaders.Contains(name))
                AddHeaders("header-label-changed", genuine, With(genuine, name, "fuzz-" + random.Next(1_000_000).ToString(CultureInfo.InvariantCulture)));
        }
        // The same content signed at a time outside the tolerance (schemes without a signed timestamp: a duplicate).
        var tolerance = scheme.Verifier.Options.Tolerance;
        foreach (var (label, at) in new[] { ("stale-timestamp", now - tolerance - TimeSpan.FromMinutes(1)), ("future-timestamp", now + tolerance + TimeSpan.FromMinutes(1)) })
        {
            if (scheme.TrySign(genuine.Body.ToArray(), _number - 2, at) is { } old)
                Add(label, old, FuzzExpectation.NotAccepted);
        }
    }

    /// <summary>
    /// Thousands of signature candidates: full-size wrong ones (alone, before the genuine one, and over a body of the
    /// largest accepted size, the costliest case for schemes that verify each candidate over the body), short ones, and
    /// many header lines. Schemes cap the candidates they try, so the genuine one after a flood may be refused.
    /// </summary>
    private void SignatureFloods(WebhookSignedRequest genuine, IReadOnlySet<string> signatureHeaders)
    {
        foreach (var name in signatureHeaders)
        {
            var value = genuine.Headers.First(h => h.Key == name).Value;
            var (prefix, entry, separator) = SplitSignature(value);
            var cut = entry.IndexOfAny([',', '=']);
            var key = cut is > 0 and < 8 ? entry[..(cut + 1)] : "";
            var wrong = new List<string>();
            while (prefix.Length + wrong.Sum(w => w.Length + separator.Length) + entry.Length * 2 < HeaderBudget)
                wrong.Add(key + RandomLike(entry[key.Length..]));
            var flood = prefix + string.Join(separator, wrong);
            AddHeaders("signature-flood", genuine, With(genuine, name, flood));
            AddHeaders("signature-flood-then-genuine", genuine, With(genuine, name, flood + separator + entry));
            _requests.Add(Request("signature-flood-max-body", genuine, PathOf(genuine), With(genuine, name, flood),
                Pad(genuine.Body.ToArray(), (int)WebhookSchemeOptions.DefaultMaxBodySize), FuzzExpectation.NotAccepted));

            var shortEntry = key + "AAAA";
            var count = HeaderBudget / (shortEntry.Length + separator.Length);
            AddHeaders("signature-flood-short", genuine, With(genuine, name, prefix + string.Join(separator, Enumerable.Repeat(shortEntry, count)) + separator + entry));

            var lines = Without(genuine, name);
            for (var i = 0; i < 80; i++)
                lines.Add(new(name, Flip(value, times: 4)));
            lines.Add(new(name, value));
            AddHeaders("signature-lines", genuine, lines);
        }
    }

    /// <summary>
    /// A random value of the same length and alphabet (hex, or base64 with the same padding). An Ed25519 signature (64
    /// bytes) gets a canonical S, so that the verifier cannot refuse it before hashing the content: the costliest candidate.
    /// </summary>
    private string RandomLike(string payload)
    {
        var bytes = new byte[64];
        if (Convert.TryFromBase64String(payload, bytes, out var length) && length == 64)
        {
            random.NextBytes(bytes);
            bytes[63] &= 0x0F;
            return Convert.ToBase64String(bytes);
        }
        const string hex = "0123456789abcdef";
        const string base64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        var isHex = payload.Length > 0 && payload.All(char.IsAsciiHexDigitLower);
        var chars = payload.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] != '=')
                chars[i] = isHex ? hex[random.Next(16)] : base64[random.Next(64)];
        }
        return new string(chars);
    }

    private void HeaderFloods(WebhookSignedRequest genuine)
    {
        var many = Headers(genuine);
        for (var i = 0; i < 80; i++)
            many.Add(new($"X-Fuzz-{i}", RandomAscii(250)));
        AddHeaders("header-flood", genuine, many);

        var tooMany = Headers(genuine);
        for (var i = 0; i < 150; i++)
            tooMany.Add(new($"X-Fuzz-{i}", "1"));
        AddHeaders("header-flood-over-count", genuine, tooMany);

        AddHeaders("header-long-value", genuine, [.. Headers(genuine), new("X-Fuzz-Long", RandomAscii(HeaderBudget - 1024))]);
        AddHeaders("header-over-size", genuine, [.. Headers(genuine), new("X-Fuzz-Long", RandomAscii(40 * 1024))]);
        AddHeaders("header-long-name", genuine, [.. Headers(genuine), new("X-" + new string('n', 8 * 1024), "1")]);
        AddHeaders("header-credential", genuine, [.. Headers(genuine), new("Authorization", "Bearer " + FuzzRun.AuthorizationCredential)]);

        foreach (var contentType in new[] { null, "text/plain", "application/json; charset=utf-16", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded" })
        {
            var headers = Without(genuine, "Content-Type");
            if (contentType is not null)
                headers.Add(new("Content-Type", contentType));
            AddHeaders("content-type", genuine, headers);
        }
    }

    // ---- unsigned and garbage ------------------------------------------------------------------------------------------

    private void Unsigned(WebhookSignedRequest genuine)
    {
        var body = genuine.Body.ToArray();
        var plain = new List<KeyValuePair<string, string>> { new("Content-Type", scheme.ContentType) };
        // A Mailgun body carries its own signature: without headers it is still the genuine delivery, a duplicate.
        Add("unsigned", plain, body, FuzzExpectation.NotAccepted);
        Add("unsigned-lone-surrogate", plain, Encoding.ASCII.GetBytes("""{"id":"x","type":"t","note":"\ud800","a":["\udfff\ud800"]}"""), FuzzExpectation.NotAccepted);
        Add("unsigned-invalid-utf8", plain, [.. "{\"id\":\"x\",\"note\":\""u8, 0xC3, 0x28, 0xFF, .. "\"}"u8], FuzzExpectation.NotAccepted);
        Add("unsigned-deep-nesting", plain, Encoding.ASCII.GetBytes(Nested(10_000)), FuzzExpectation.NotAccepted);
        Add("unsigned-huge-array", plain, Encoding.ASCII.GetBytes(EmptyObjects(HugeArraySize)), FuzzExpectation.NotAccepted);
        Add("unsigned-many-properties", plain, Encoding.ASCII.GetBytes("{" + ManyProperties(20_000) + "}"), FuzzExpectation.NotAccepted);
        Add("unsigned-form-fields", [new("Content-Type", "application/x-www-form-urlencoded")], Encoding.ASCII.GetBytes(ManyFormFields(1_025)), FuzzExpectation.NotAccepted);
        Add("unsigned-form-long-key", [new("Content-Type", "application/x-www-form-urlencoded")], Encoding.ASCII.GetBytes(new string('k', 2_049) + "=1"), FuzzExpectation.NotAccepted);
        // The genuine headers over someone else's body (the signature of another delivery).
        Add("unsigned-huge-array-signed-headers", Headers(genuine), Encoding.ASCII.GetBytes(EmptyObjects(HugeArraySize)),
            FuzzExpectation.NotAccepted);
    }

    private void Garbage(WebhookSignedRequest genuine)
    {
        for (var i = 0; i < 8; i++)
        {
            var body = new byte[random.Next(4096)];
            random.NextBytes(body);
            var headers = new List<KeyValuePair<string, string>>();
            foreach (var (name, _) in Headers(genuine))
                headers.Add(new(name, RandomAscii(random.Next(200))));
            for (var j = random.Next(5); j > 0; j--)
                headers.Add(new("X-" + RandomToken(random.Next(1, 30)), RandomAscii(random.Next(100))));
            Add("garbage", headers, body, FuzzExpectation.NotAccepted);
        }
    }

    /// <summary>Hostile content signed with the real key: it verifies, so the readers and the payload binder must cope.</summary>
    private void SignedHostile()
    {
        var cases = new List<(string Name, Func<byte[], byte[]> Body)>
        {
            ("signed-lone-surrogate", t => InsertAfterCanary(t, Encoding.ASCII.GetBytes(scheme.IsForm ? "%ED%A0%80" : "\\ud800"))),
            ("signed-invalid-utf8", t => InsertAfterCanary(t, [0xC3, 0x28, 0xFF])),
            ("signed-deep-nesting", t => ReplaceValue(t, Nested(10_000))),
            ("signed-deep-nesting-whole", _ => Encoding.ASCII.GetBytes(Nested(10_000))),
            ("signed-huge-array", t => ReplaceValue(t, EmptyObjects(256 * 1024))),
            ("signed-huge-array-whole", _ => Encoding.ASCII.GetBytes(EmptyObjects(SignedBatchSize))),
            ("signed-oversized-field", t => ReplaceValue(t, Quoted(new string('x', 256 * 1024)))),
            ("signed-many-properties", t => InsertAfterFirstBrace(t, ManyProperties(20_000) + ",")),
            ("signed-empty", _ => []),
            ("signed-not-json", _ => "not json at all"u8.ToArray()),
        };
        if (scheme.Provider.Id is "hubspot" or "sendgrid")
            cases.Add(("signed-huge-batch", _ => HugeBatch(SignedBatchSize)));
        foreach (var (name, build) in cases)
        {
            var n = Next();
            if (scheme.TrySign(build(Encoding.UTF8.GetBytes(scheme.Body(n))), n, now) is not { } signed)
                continue;
            Add(name, signed, FuzzExpectation.Authentic);
            // Whatever the first answer was, the same signed content again must not run the handler again.
            Add(name + "-replay", signed, FuzzExpectation.NotAccepted);
        }
    }

    private void Methods(WebhookSignedRequest genuine)
    {
        foreach (var method in new[] { "GET", "PUT", "DELETE", "PATCH" })
            _requests.Add(new FuzzRequest(scheme, "method-" + method.ToLowerInvariant(), method, PathOf(genuine), Headers(genuine), method == "GET" ? [] : genuine.Body.ToArray(),
                FuzzExpectation.NotAccepted));
        _requests.Add(Request("path-query-added", genuine, PathOf(genuine) + (PathOf(genuine).Contains('?', StringComparison.Ordinal) ? "&" : "?") + "x=1", Headers(genuine),
            genuine.Body.ToArray(), FuzzExpectation.NotAccepted));
        _requests.Add(Request("path-trailing-slash", genuine, scheme.Path + "/", Headers(genuine), genuine.Body.ToArray(), FuzzExpectation.NotAccepted));
        if (scheme.Provider.Id == "meta")
        {
            var token = scheme.Settings["VerifyToken"]!;
            foreach (var (label, query) in new[]
                     {
                         ("get-handshake", $"?hub.mode=subscribe&hub.verify_token={token}&hub.challenge=1158201444"),
                         ("get-handshake-wrong-token", "?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1"),
                         ("get-handshake-repeated", $"?hub.mode=subscribe&hub.verify_token={token}&hub.verify_token={token}&hub.challenge=1"),
                         ("get-handshake-long-challenge", $"?hub.mode=subscribe&hub.verify_token={token}&hub.challenge={new string('9', 6_000)}"),
                         ("get-handshake-garbage", "?" + string.Join('&', Enumerable.Range(0, 500).Select(i => $"p{i}=%ZZ%{i}"))),
                     })
                _requests.Add(new FuzzRequest(scheme, label, "GET", scheme.Path + query, [], [],
                    label == "get-handshake" ? FuzzExpectation.Authentic : FuzzExpectation.NotAccepted));
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------------------

    private static readonly byte[][] InvalidUtf8 = [[0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF]];

    private static readonly string[] LoneSurrogates = ["\\ud800", "\\udc00", "\\ud800\\u0041", "\\udbff\\udbff"];

    private void Add(string name, WebhookSignedRequest signed, FuzzExpectation expectation)
    {
        Track(signed.Headers, signed.Body);
        _requests.Add(Request(name, signed, PathOf(signed), Headers(signed), signed.Body.ToArray(), expectation));
    }

    private void Add(string name, List<KeyValuePair<string, string>> headers, byte[] body, FuzzExpectation expectation)
    {
        Track(headers);
        _requests.Add(new FuzzRequest(scheme, name, "POST", scheme.Path, headers, body, expectation));
    }

    private void AddBody(string name, WebhookSignedRequest genuine, byte[] body, FuzzExpectation expectation)
        => _requests.Add(Request(name, genuine, PathOf(genuine), Headers(genuine), body, expectation));

    private void AddHeaders(string name, WebhookSignedRequest genuine, List<KeyValuePair<string, string>> headers)
    {
        if (!headers.Any(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) && name != "content-type")
            headers.Insert(0, new("Content-Type", scheme.ContentType));
        Track(headers);
        _requests.Add(Request(name, genuine, PathOf(genuine), headers, genuine.Body.ToArray(), FuzzExpectation.NotAccepted));
    }

    private FuzzRequest Request(string name, WebhookSignedRequest signed, string path, List<KeyValuePair<string, string>> headers, byte[] body, FuzzExpectation expectation)
        => new(scheme, name, signed.Method, path, headers, body, expectation);

    private void Track(IEnumerable<KeyValuePair<string, string>> headers, ReadOnlyMemory<byte> body = default)
    {
        foreach (var (name, value) in headers)
        {
            if (_signatureHeaders.Contains(name))
                SentSignatures.Add(value);
        }
        // Mailgun's signature travels in the body.
        if (scheme.Provider.Id == "mailgun" && !body.IsEmpty
            && System.Text.RegularExpressions.Regex.Match(Encoding.UTF8.GetString(body.Span), "\"signature\":\"([0-9a-f]{64})\"") is { Success: true } match)
            SentSignatures.Add(match.Groups[1].Value);
        // Adyen's signatures travel in the body too, one per item.
        if (scheme.Provider.Id == "adyen" && !body.IsEmpty)
        {
            foreach (System.Text.RegularExpressions.Match item in System.Text.RegularExpressions.Regex.Matches(Encoding.UTF8.GetString(body.Span), "\"hmacSignature\":\"([^\"]+)\""))
                SentSignatures.Add(item.Groups[1].Value);
        }
    }

    private string PathOf(WebhookSignedRequest signed) => signed.Url is { } url ? new Uri(url).PathAndQuery : scheme.Path;

    private List<KeyValuePair<string, string>> Headers(WebhookSignedRequest signed) => [new("Content-Type", scheme.ContentType), .. signed.Headers];

    private List<KeyValuePair<string, string>> With(WebhookSignedRequest signed, string name, string value)
        => [.. Headers(signed).Select(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase) ? new(h.Key, value) : h)];

    private List<KeyValuePair<string, string>> Without(WebhookSignedRequest signed, string name)
        => [.. Headers(signed).Where(h => !h.Key.Equals(name, StringComparison.OrdinalIgnoreCase))];

    /// <summary>A signature header as (fixed prefix such as <c>t=…,</c>, the signature entry, the separator between entries).</summary>
    private static (string Prefix, string Entry, string Separator) SplitSignature(string value)
    {
        foreach (var separator in new[] { ",v1=", ";h1=", ",v1a=" })
        {
            var at = value.LastIndexOf(separator, StringComparison.Ordinal);
            if (at >= 0)
                return (value[..(at + 1)], value[(at + 1)..], separator[..1]);
        }
        return ("", value, value.StartsWith("v1", StringComparison.Ordinal) ? " " : ",");
    }

    /// <summary>The value with <paramref name="times"/> characters changed to another of the same kind (digit, letter), so it stays well-formed.</summary>
    private string Flip(string value, int times = 1)
    {
        if (value.Length == 0)
            return "x";
        var chars = value.ToCharArray();
        for (var t = 0; t < times; t++)
        {
            var i = random.Next(chars.Length);
            for (var tries = 0; tries < 20 && !char.IsAsciiLetterOrDigit(chars[i]); tries++)
                i = random.Next(chars.Length);
            var c = chars[i];
            chars[i] = char.IsAsciiDigit(c) ? (char)('0' + ((c - '0' + 1 + random.Next(8)) % 10))
                : char.IsAsciiLetterLower(c) ? (char)('a' + ((c - 'a' + 1 + random.Next(5)) % 6))
                : char.IsAsciiLetterUpper(c) ? (char)('A' + ((c - 'A' + 1 + random.Next(24)) % 26))
                : c == 'x' ? 'y' : 'x';
        }
        return new string(chars);
    }

    private string RandomAscii(int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
            chars[i] = (char)random.Next(0x20, 0x7F);
        return new string(chars).Trim();
    }

    private string RandomToken(int length)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-";
        var chars = new char[length];
        for (var i = 0; i < length; i++)
            chars[i] = alphabet[random.Next(alphabet.Length)];
        return new string(chars);
    }

    private static string Quoted(string text) => '"' + text + '"';

    private static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    private static string NestedObjects(int depth)
        => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

    private static string EmptyObjects(int size)
    {
        var builder = new StringBuilder(size + 8).Append('[');
        while (builder.Length + 4 < size)
            builder.Append("{},");
        return builder.Append("{}]").ToString();
    }

    /// <summary>A batch of distinct events of the largest accepted size (each one claimed, run and completed on its own).</summary>
    private byte[] HugeBatch(int size)
    {
        var builder = new StringBuilder(size + 128).Append('[');
        for (var i = 0; builder.Length + 100 < size; i++)
        {
            if (i > 0)
                builder.Append(',');
            if (scheme.Provider.Id == "hubspot")
                builder.Append(CultureInfo.InvariantCulture, $"{{\"eventId\":{i},\"subscriptionType\":\"contact.creation\",\"objectId\":{i}}}");
            else
                builder.Append(CultureInfo.InvariantCulture, $"{{\"sg_event_id\":\"sg-{i}\",\"event\":\"delivered\",\"email\":\"a@example.com\"}}");
        }
        return Encoding.ASCII.GetBytes(builder.Append(']').ToString());
    }

    private static string ManyProperties(int count)
        => string.Join(',', Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"\"p{i}\":{i}")));

    private static string ManyFormFields(int count)
        => string.Join('&', Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"f{i}=1")));

    private static byte[] Insert(byte[] body, int at, byte[] text) => [.. body.AsSpan(0, Math.Min(at, body.Length)), .. text, .. body.AsSpan(Math.Min(at, body.Length))];

    private static byte[] InsertAfterCanary(byte[] body, byte[] text)
    {
        var at = body.AsSpan().IndexOf(CanaryBytes);
        return Insert(body, at < 0 ? body.Length / 2 : at + CanaryBytes.Length, text);
    }

    private static byte[] InsertAfterFirstBrace(byte[] body, string text)
    {
        var at = body.AsSpan().IndexOf((byte)'{');
        return at < 0 ? [.. Encoding.ASCII.GetBytes(text), .. body] : Insert(body, at + 1, Encoding.ASCII.GetBytes(text));
    }

    /// <summary>The body with the canary's value (its JSON string, or its form value) replaced by <paramref name="value"/>.</summary>
    private byte[] ReplaceValue(byte[] body, string value)
        => scheme.IsForm
            ? Replace(body, CanaryBytes, Encoding.ASCII.GetBytes(value))
            : Replace(body, Encoding.ASCII.GetBytes(Quoted(FuzzProvider.Canary)), Encoding.ASCII.GetBytes(value));

    private static byte[] Replace(byte[] body, byte[] find, byte[] with)
    {
        var at = body.AsSpan().IndexOf(find);
        return at < 0 ? body : [.. body.AsSpan(0, at), .. with, .. body.AsSpan(at + find.Length)];
    }

    /// <summary>The body grown to exactly <paramref name="size"/> bytes (spaces before the end; a form gets a long field).</summary>
    private byte[] Pad(byte[] body, int size)
    {
        var padding = size - body.Length;
        if (scheme.IsForm)
            return [.. body, .. "&pad="u8, .. Enumerable.Repeat((byte)'p', padding - 5)];
        return Insert(body, 1, [.. Enumerable.Repeat((byte)' ', padding)]);
    }
}
