namespace WebhookReceiver.Cli.Infrastructure;

/// <summary>What <c>webhook replay --expect</c> requires of every answer; any other answer exits 1.</summary>
internal enum ReplayExpectation
{
    /// <summary>2xx <c>processed</c>: the handler ran (e.g. after <c>--resign</c>).</summary>
    Processed,

    /// <summary>2xx <c>duplicate</c>: the receiver recognised a delivery it had completed.</summary>
    Duplicate,

    /// <summary>Replay protection refused it: 2xx <c>duplicate</c>, 401 (signature or timestamp) or 409 (in flight); the handler did not run.</summary>
    Refused,
}
