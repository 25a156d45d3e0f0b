namespace WebhookReceiver.Tests.Fuzz;

/// <summary>One request of the fuzz run, sent as it is (headers in order, exact body bytes).</summary>
/// <param name="Scheme">The scheme it is sent to.</param>
/// <param name="Case">What it is, e.g. <c>tampered-byte</c>; cases of the same kind share a name.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="PathAndQuery">The path and query string.</param>
/// <param name="Headers">The headers, Content-Type included (Content-Length is set from the body).</param>
/// <param name="Body">The body bytes.</param>
/// <param name="Expectation">What it may do to the handler.</param>
internal sealed record FuzzRequest(
    FuzzProvider Scheme,
    string Case,
    string Method,
    string PathAndQuery,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[] Body,
    FuzzExpectation Expectation);
