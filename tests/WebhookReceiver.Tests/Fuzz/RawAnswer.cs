namespace WebhookReceiver.Tests.Fuzz;

/// <summary>What the server answered on a raw connection: status 0 when it closed without an answer.</summary>
/// <param name="Status">The status code, or 0.</param>
/// <param name="Head">The status line and headers.</param>
/// <param name="Elapsed">From connecting to the end of the answer.</param>
/// <param name="Body">The answer's body text.</param>
internal sealed record RawAnswer(int Status, string Head, TimeSpan Elapsed, string Body = "")
{
    /// <summary>Whether the handler ran (it marks its answer with <c>X-Fuzz-Handled</c>).</summary>
    public bool Handled => Head.Contains("\r\nX-Fuzz-Handled: 1", StringComparison.OrdinalIgnoreCase);
}
