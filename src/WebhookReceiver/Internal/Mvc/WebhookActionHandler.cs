using System.Runtime.ExceptionServices;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace WebhookReceiver.Internal;

/// <summary>
/// The handler of a <see cref="VerifyWebhookAttribute"/> action: publishes the verified delivery for the
/// <see cref="Webhook{T}"/> model binder, then runs model binding, the action and its result.
/// </summary>
internal sealed class WebhookActionHandler<T>() : WebhookHandlerRegistration<T>(null)
{
    public override string Description => "an MVC action";

    public override async Task InvokeAsync(Webhook webhook, HttpContext context)
    {
        var action = context.Features.GetRequiredFeature<WebhookActionFeature>();
        if (action.Executed is not null)
            throw new InvalidOperationException("A [VerifyWebhook] action runs once per delivery.");
        context.Features.Set(new WebhookFeature(webhook));
        var executed = await action.Next();
        action.Executed = executed;
        if (executed.Exception is { } exception && !executed.ExceptionHandled)
        {
            // The pipeline releases the claim and answers 500 (or nothing, when the provider went away).
            executed.ExceptionHandled = true;
            ExceptionDispatchInfo.Capture(exception).Throw();
        }
        // An empty (void) result is answered like a MapWebhook handler: {"status":"processed"}. Any other result answered already.
        if (executed.Result is not (null or EmptyResult) || context.Response.HasStarted)
            webhook.Respond(Results.Empty);
    }

    public override bool Succeeded(HttpContext context) => context.Response.StatusCode is >= 200 and < 300;
}
