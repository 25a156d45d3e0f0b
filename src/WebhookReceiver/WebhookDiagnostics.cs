using System.Diagnostics;

namespace WebhookReceiver;

/// <summary>Names of the library's <c>Meter</c> and <c>ActivitySource</c>, for OpenTelemetry's <c>AddMeter</c>/<c>AddSource</c>.</summary>
public static class WebhookDiagnostics
{
    /// <summary>The meter name: <c>WebhookReceiver</c>.</summary>
    public const string MeterName = "WebhookReceiver";

    /// <summary>The activity source name: <c>WebhookReceiver</c>.</summary>
    public const string ActivitySourceName = "WebhookReceiver";

    internal static readonly ActivitySource ActivitySource = new(ActivitySourceName);
}
