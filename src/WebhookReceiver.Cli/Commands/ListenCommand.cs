using System.CommandLine;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WebhookReceiver.Cli.Infrastructure;
using WebhookReceiver.Testing;
using WebhookReceiver.Testing.Internal;

namespace WebhookReceiver.Cli.Commands;

/// <summary><c>webhook listen</c>: a local capture server on 127.0.0.1 that writes every request to a folder and can forward it.</summary>
internal static class ListenCommand
{
    public static Command Create(CliConsole console)
    {
        var port = new Option<int>("--port") { Description = "The port to listen on, on 127.0.0.1 (0 picks a free one).", Required = true, HelpName = "port" };
        port.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > 65535)
                r.AddError("--port must be between 0 and 65535.");
        });
        var output = new Option<string>("--out", "-o")
        {
            Description = "The folder the capture files go to (created when missing).",
            DefaultValueFactory = _ => "webhook-captures",
            HelpName = "dir",
        };
        var forward = new Option<string>("--forward-to")
        {
            Description = "Forwards every request byte for byte to this URL (the received query is appended when it has none) and passes the answer back.",
            HelpName = "url",
        }.AbsoluteUrl();
        var command = new Command("listen", CliOptions.WithExamples(
            "Runs a capture server on 127.0.0.1: every request is written to the folder as one JSON file (method, path, query, headers, " +
            "exact body bytes, received time) and, with --forward-to, forwarded byte for byte with the answer passed back. Stop with Ctrl+C.",
            "webhook listen --port 5081 --out captures --forward-to http://localhost:5080/webhooks/standard",
            "webhook listen --port 5081 --out captures"))
        {
            port, output, forward,
        };
        command.SetAction((result, cancellationToken) =>
            RunAsync(console, result.GetValue(port), Path.GetFullPath(result.GetRequiredValue(output)), result.GetValue(forward), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, int port, string directory, string? forwardTo, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        await using var app = builder.Build();
        app.Run(context => HandleAsync(context, console, directory, forwardTo, client));
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            throw new CliUsageException($"Cannot listen on 127.0.0.1:{port}: {e.Message}");
        }
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        await console.Out.WriteLineAsync($"Listening on {address}, writing captures to {directory}" +
            (forwardTo is null ? "" : $", forwarding to {forwardTo}") + ". Press Ctrl+C to stop.");
        console.Listening?.Invoke(address);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
        await app.StopAsync(CancellationToken.None);
        return ExitCodes.Success;
    }

    private static async Task HandleAsync(HttpContext context, CliConsole console, string directory, string? forwardTo, HttpClient client)
    {
        var request = context.Request;
        var receivedAt = console.Time.GetUtcNow();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        var capture = WebhookCapture.Create(request.Method, string.Concat(request.PathBase.Value, request.Path.Value),
            request.QueryString.Value, request.Headers, buffer.GetBuffer().AsSpan(0, (int)buffer.Length), receivedAt);

        byte[] answer;
        if (forwardTo is null)
        {
            answer = """{"status":"captured"}"""u8.ToArray();
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/json";
            capture.Outcome = "captured";
        }
        else
        {
            answer = await ForwardAsync(context, console, capture, forwardTo, client);
        }
        capture.StatusCode = context.Response.StatusCode;
        var file = await capture.SaveAsync(directory, context.RequestAborted);
        await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{receivedAt:HH:mm:ss} {capture.Method} {capture.Path}{capture.Query} {capture.Body.Length} bytes -> {capture.StatusCode} {capture.Outcome}  {Path.GetFileName(file)}"));
        context.Response.ContentLength = answer.Length;
        await context.Response.Body.WriteAsync(answer, context.RequestAborted);
    }

    private static async Task<byte[]> ForwardAsync(HttpContext context, CliConsole console, WebhookCapture capture, string forwardTo, HttpClient client)
    {
        using var message = capture.ToHttpRequestMessage(forwardTo);
        try
        {
            using var response = await client.SendAsync(message, context.RequestAborted);
            var answer = await response.Content.ReadAsByteArrayAsync(context.RequestAborted);
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var (name, values) in HttpHeaderCopy.All(response))
            {
                if (HttpHeaderCopy.IsCopied(name))
                    context.Response.Headers[name] = values.ToArray();
            }
            capture.Outcome = ResponseReport.ReadOutcome(System.Text.Encoding.UTF8.GetString(answer)) ?? response.ReasonPhrase;
            return answer;
        }
        catch (HttpRequestException e)
        {
            if (CliHints.IsUnreachable(e))
                await console.Error.WriteLineAsync(CliHints.Unreachable(forwardTo));
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
            context.Response.ContentType = "text/plain; charset=utf-8";
            capture.Outcome = "forward failed";
            return System.Text.Encoding.UTF8.GetBytes($"webhook listen could not forward to {forwardTo}: {e.Message}");
        }
    }
}
