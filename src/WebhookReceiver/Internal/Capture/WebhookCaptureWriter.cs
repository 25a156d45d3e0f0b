using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace WebhookReceiver.Internal;

/// <summary>
/// Writes captured deliveries (<see cref="WebhookOptions.CaptureDirectory"/>) off the request path: the endpoint
/// hands over a copy once the outcome is known and a single background loop writes the files. The queue is bounded;
/// when it is full, or a write fails, the capture is dropped and logged, never the request.
/// </summary>
internal sealed class WebhookCaptureWriter : IAsyncDisposable
{
    private const int Capacity = 1024;
    private readonly Channel<WebhookCapture> _queue;
    private readonly string _directory;
    private readonly ILogger _logger;
    private readonly Task _loop;

    public WebhookCaptureWriter(IOptions<WebhookOptions> options, ILoggerFactory loggers)
    {
        _directory = options.Value.CaptureDirectory
            ?? throw new InvalidOperationException("Capture is off: WebhookOptions.CaptureDirectory is not set.");
        _logger = loggers.CreateLogger("WebhookReceiver.Capture");
        _queue = Channel.CreateBounded<WebhookCapture>(
            new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true },
            dropped => WebhookLog.CaptureDropped(_logger, dropped.Scheme ?? "", Capacity));
        _loop = Task.Run(WriteAllAsync);
    }

    /// <summary>Queues a copy of the delivery; returns at once.</summary>
    public void Enqueue(HttpContext context, string scheme, WebhookOutcome outcome, ReadOnlySpan<byte> body, DateTimeOffset receivedAt)
    {
        var request = context.Request;
        var capture = WebhookCapture.Create(request.Method, string.Concat(request.PathBase.Value, request.Path.Value),
            request.QueryString.Value, request.Headers, body, receivedAt);
        capture.Scheme = scheme;
        capture.Outcome = WebhookOutcomeNames.Of(outcome);
        capture.StatusCode = context.Response.StatusCode;
        _queue.Writer.TryWrite(capture);
    }

    private async Task WriteAllAsync()
    {
        await foreach (var capture in _queue.Reader.ReadAllAsync())
        {
            try
            {
                await capture.SaveAsync(_directory);
            }
            catch (Exception e)
            {
                WebhookLog.CaptureFailed(_logger, e, capture.Scheme ?? "", _directory);
            }
        }
    }

    /// <summary>Writes what is still queued, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }
}
