using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WebhookReceiver.Internal;

/// <summary>
/// The request delegate of one <c>MapWebhook</c> endpoint: admission (read, verify, handshake, claim), then settlement
/// (handlers, complete or release, answer); GET handshakes for schemes that have them. Records the outcome once.
/// </summary>
internal sealed class WebhookEndpoint(
    WebhookSchemeHandle scheme,
    WebhookDispatcher dispatcher,
    WebhookAdmission admission,
    WebhookSettlement settlement,
    WebhookMetrics metrics,
    ILogger logger)
{
    /// <summary>Builds the pipeline of one endpoint from the application's services.</summary>
    public static WebhookEndpoint Create(IServiceProvider services, WebhookSchemeHandle scheme, WebhookDispatcher dispatcher)
    {
        var admission = WebhookAdmission.Create(services);
        return new WebhookEndpoint(scheme, dispatcher, admission, WebhookSettlement.Create(services, admission),
            services.GetRequiredService<WebhookMetrics>(), services.GetRequiredService<ILoggerFactory>().CreateLogger("WebhookReceiver"));
    }

    /// <summary>The inbox this endpoint stores its deliveries in (<c>UseInbox()</c>), and the key of its entries; null to settle in the request.</summary>
    private (WebhookInboxAcceptor Acceptor, string Pattern)? _inbox;

    /// <summary>Switches the endpoint to inbox mode: admission ends by storing the delivery and answering <c>accepted</c>.</summary>
    public void UseInbox(IServiceProvider services, string pattern)
    {
        var current = scheme.Current;
        if (current.RepliesSynchronously)
            throw new InvalidOperationException(
                $"Webhook endpoint {pattern} (scheme '{current.Name}') cannot use the inbox: its provider reads the handler's reply in the response " +
                "(interactions, commands, TwiML), so the delivery cannot be acknowledged before the handler runs. Remove UseInbox() from this endpoint.");
        if (_inbox is not null)
            throw new InvalidOperationException($"Webhook endpoint {pattern} uses the inbox twice: call UseInbox() once per endpoint.");
        services.GetRequiredService<InboxEndpointRegistry>().Add(new InboxEndpoint(pattern, scheme, dispatcher));
        _inbox = (WebhookInboxAcceptor.Create(services, settlement, admission.Options), pattern);
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var current = scheme.Current;
        using var activity = WebhookDiagnostics.ActivitySource.StartActivity("webhook receive", ActivityKind.Server);
        activity?.SetTag("webhook.scheme", current.Name);
        var outcome = HttpMethods.IsGet(context.Request.Method) ? await AnswerGetAsync(context, current)
            : HttpMethods.IsOptions(context.Request.Method) ? await AnswerOptionsAsync(context, current)
            : HttpMethods.IsHead(context.Request.Method) ? AnswerHead(context, current)
            : await ProcessAsync(context, current);
        activity?.SetTag("webhook.outcome", WebhookOutcomeNames.Of(outcome));
        metrics.Delivery(current.Name, outcome, started);
    }

    private async ValueTask<WebhookOutcome> ProcessAsync(HttpContext context, WebhookScheme current)
    {
        var admitted = await admission.AdmitAsync(context, current);
        if (admitted.Delivery is not { } delivery)
            return admitted.Outcome;
        var outcome = WebhookOutcome.Failed;
        try
        {
            outcome = _inbox is { } inbox
                ? await inbox.Acceptor.AcceptAsync(context, delivery, inbox.Pattern)
                : await settlement.SettleAsync(context, delivery, dispatcher);
            return outcome;
        }
        finally
        {
            admission.Finish(context, delivery, outcome);
        }
    }

    /// <summary>A CloudEvents abuse-protection request (mapped only when origins are allowed): no body, no handler, no nonce store.</summary>
    private async ValueTask<WebhookOutcome> AnswerOptionsAsync(HttpContext context, WebhookScheme current)
    {
        var answer = CloudEventsAbuseProtection.Answer(context.Request.Headers, current.Options.CloudEventsAllowedOrigins);
        if (answer is null)
        {
            WebhookLog.NotAHandshake(logger, current.Name);
            await WebhookResponses.WriteProblemAsync(context, StatusCodes.Status400BadRequest, WebhookResponses.BadHandshake);
            return WebhookOutcome.Malformed;
        }
        if (answer.StatusCode >= StatusCodes.Status400BadRequest)
        {
            WebhookLog.HandshakeRefused(logger, current.Name, answer.StatusCode);
            await WebhookResponses.WriteProblemAsync(context, answer.StatusCode, WebhookResponses.Forbidden);
            return WebhookOutcome.Unauthorized;
        }
        WebhookLog.HandshakeAnswered(logger, current.Name, answer.StatusCode);
        await WebhookResponses.WriteHandshakeAsync(context, answer);
        return WebhookOutcome.Handshake;
    }

    /// <summary>
    /// A HEAD check of the URL (mapped only for schemes that answer one, Trello's): 200 with no body, no handler, no nonce
    /// store; any other scheme's HEAD (not mapped, so not reached) is a 405 from routing.
    /// </summary>
    private WebhookOutcome AnswerHead(HttpContext context, WebhookScheme current)
    {
        if (!current.AnswersHead)
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return WebhookOutcome.Malformed;
        }
        WebhookLog.HandshakeAnswered(logger, current.Name, StatusCodes.Status200OK);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentLength = 0;
        return WebhookOutcome.Handshake;
    }

    /// <summary>A GET handshake (mapped only for schemes with <see cref="IWebhookGetHandshake"/>): no body, no handler, no nonce store.</summary>
    private async ValueTask<WebhookOutcome> AnswerGetAsync(HttpContext context, WebhookScheme current)
    {
        if (current is not IWebhookGetHandshake handshake || handshake.AnswerGet(context.Request.Query, context.Request.Headers) is not { } answer)
        {
            WebhookLog.NotAHandshake(logger, current.Name);
            await WebhookResponses.WriteProblemAsync(context, StatusCodes.Status400BadRequest, WebhookResponses.BadHandshake);
            return WebhookOutcome.Malformed;
        }
        if (answer.StatusCode >= StatusCodes.Status400BadRequest)
            WebhookLog.HandshakeRefused(logger, current.Name, answer.StatusCode);
        else
            WebhookLog.HandshakeAnswered(logger, current.Name, answer.StatusCode);
        await WebhookResponses.WriteHandshakeAsync(context, answer);
        return answer.StatusCode >= StatusCodes.Status400BadRequest ? WebhookOutcome.Unauthorized : WebhookOutcome.Handshake;
    }
}
