using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace WebhookReceiver.Internal;

/// <summary>
/// Runs the webhook pipeline around an MVC action. Resource filters run before model binding, so nothing reads the body
/// before verification; the pipeline calls the rest of MVC (binding, the action, its result) as its handler.
/// </summary>
internal sealed class WebhookActionFilter(string scheme, WebhookActionEndpoints endpoints) : IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var endpoint = endpoints.Get(scheme, context.ActionDescriptor);
        var action = new WebhookActionFeature(next);
        context.HttpContext.Features.Set(action);
        await endpoint.InvokeAsync(context.HttpContext);
        if (action.Executed is null)
            context.Result = new EmptyResult(); // answered by the pipeline (413, 401, handshake, duplicate, ...): the action does not run
    }
}
