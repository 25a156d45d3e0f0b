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
    private readonly WebhookOptions _options;
    private readonly ILogger _logger;
    private long _directoryBytes = -1;
    private readonly Task _loop;

    public WebhookCaptureWriter(IOptions<WebhookOptions> options, ILoggerFactory loggers)
    {
        _options = options.Value;
        _directory = _options.CaptureDirectory
            ?? throw new InvalidOperationException("Capture is off: WebhookOptions.CaptureDirectory is not set.");
        _logger = loggers.CreateLogger("WebhookReceiver.Capture");
        _queue = Channel.CreateBounded<WebhookCapture>(
            new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true },
            dropped => WebhookLog.CaptureDropped(_logger, dropped.Scheme ?? "", Capacity));
        _loop = Task.Run(WriteAllAsync);
    }

    /// <summary>Queues a copy of the delivery; returns at once.</summary>
    /// <summary>
    /// Queues a capture of the delivery, headers redacted; an unverified one only with
    /// <see cref="WebhookOptions.CaptureUnverified"/>, a body over <see cref="WebhookOptions.CaptureMaxBodySize"/> never.
    /// </summary>
    public void Enqueue(HttpContext context, WebhookScheme scheme, bool verified, WebhookOutcome outcome, ReadOnlySpan<byte> body, DateTimeOffset receivedAt)
    {
        if (!verified && !_options.CaptureUnverified)
            return;
        if (body.Length > _options.CaptureMaxBodySize)
        {
            WebhookLog.CaptureTooLarge(_logger, scheme.Name, body.Length, _options.CaptureMaxBodySize);
            return;
        }
        var request = context.Request;
        var capture = WebhookCapture.Create(request.Method, string.Concat(request.PathBase.Value, request.Path.Value),
            RedactedHeaders.Query(request.QueryString.Value, scheme), RedactedHeaders.Of(request.Headers, scheme), body, receivedAt);
        capture.Scheme = scheme.Name;
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
                if (_directoryBytes < 0)
                    _directoryBytes = Directory.Exists(_directory) ? new DirectoryInfo(_directory).EnumerateFiles("*.json").Sum(f => f.Length) : 0;
                if (_directoryBytes >= _options.CaptureMaxDirectorySize)
                {
                    WebhookLog.CaptureDirectoryFull(_logger, capture.Scheme ?? "", _directory, _options.CaptureMaxDirectorySize);
                    continue;
                }
                var path = await capture.SaveAsync(_directory);
                _directoryBytes += new FileInfo(path).Length;
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
