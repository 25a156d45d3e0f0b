using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace WebhookReceiver.Internal;

/// <summary>
/// The resource filter behind <see cref="VerifyWebhookAttribute"/>: runs before model binding, so nothing reads the body
/// before verification. Admission, then the action (its <see cref="Webhook{T}"/> bound from the verified delivery),
/// then settlement by the action's outcome.
/// </summary>
internal sealed class WebhookActionFilter(string scheme, WebhookActionBindings bindings) : IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var http = context.HttpContext;
        var (handle, binding) = bindings.Get(scheme, context.ActionDescriptor);
        var entry = await bindings.Gate.EnterAsync(http, handle.Current, binding);
        if (entry is null)
        {
            context.Result = new EmptyResult(); // answered by admission (413, 401, handshake, duplicate, ...): the action does not run
            return;
        }
        http.Features.Set(new WebhookFeature(entry.Webhook));
        ResourceExecutedContext executed;
        try
        {
            executed = await next();
        }
        catch (Exception exception)
        {
            await bindings.Gate.FailedAsync(http, entry, exception);
            return;
        }
        if (executed.Exception is { } failure && !executed.ExceptionHandled)
        {
            executed.ExceptionHandled = true;
            await bindings.Gate.FailedAsync(http, entry, failure);
            return;
        }
        var status = http.Response.StatusCode;
        if (status is < 200 or >= 300)
        {
            await bindings.Gate.DeclinedAsync(http, entry, status);
            return;
        }
        // A void or EmptyResult action is answered like a MapWebhook handler: {"status":"processed"}.
        await bindings.Gate.SucceededAsync(http, entry, answered: executed.Result is not (null or EmptyResult) || http.Response.HasStarted);
    }
}
