namespace WebhookReceiver.Tests.Fuzz;

/// <summary>How the server answered one fuzz request.</summary>
/// <param name="Scheme">The scheme name.</param>
/// <param name="Case">The case name.</param>
/// <param name="Expectation">What it was allowed to do.</param>
/// <param name="Status">The status code; 0 when the server closed the connection without an answer.</param>
/// <param name="Handled">Whether the handler ran for this request (it marks its response).</param>
/// <param name="Answer">The start of the response body, for messages.</param>
/// <param name="Elapsed">From the first byte sent to the last byte of the answer read.</param>
/// <param name="Bounded">Whether the 5-second bound applies (not to bodies the client itself sends slowly).</param>
internal sealed record FuzzResult(
    string Scheme,
    string Case,
    FuzzExpectation Expectation,
    int Status,
    bool Handled,
    string Answer,
    TimeSpan Elapsed,
    bool Bounded = true)
{
    public bool Is5xx => Status >= 500;

    public override string ToString() => $"{Scheme}/{Case}: {(Status == 0 ? "closed" : Status)}{(Handled ? " handled" : "")} in {Elapsed.TotalMilliseconds:F0} ms ({Answer})";
}
