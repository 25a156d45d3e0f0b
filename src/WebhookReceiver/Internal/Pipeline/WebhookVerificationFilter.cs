using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace WebhookReceiver.Internal;

/// <summary>
/// The endpoint filter behind <c>AddWebhookVerification</c>: admission, then the user's handler with its
/// <see cref="Webhook{T}"/> argument filled from the verified delivery, then settlement by the handler's outcome.
/// Parameter binding ran before this filter and never touched the body (the endpoint is refused at start-up when a
/// parameter would be read from it).
/// </summary>
internal sealed class WebhookVerificationFilter(string scheme) : IEndpointFilter
{
    /// <summary>For handlers that take no <see cref="Webhook{T}"/>: the delivery is still verified, claimed and settled.</summary>
    private static readonly WebhookPayloadBinding<System.Text.Json.JsonElement> NoPayload = new();

    private (WebhookSchemeHandle Handle, WebhookGate Gate)? _services;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var (handle, gate) = _services ??= Resolve(http.RequestServices);
        var placeholder = FindWebhook(context.Arguments, out var index);
        var entry = await gate.EnterAsync(http, handle.Current, (IWebhookBinder?)placeholder ?? NoPayload);
        if (entry is null)
            return Results.Empty; // answered by admission (413, 401, handshake, duplicate, 400, ...): the handler does not run
        if (index >= 0)
        {
            context.Arguments[index] = entry.Webhook;
            // Binding found no verified delivery yet (the placeholder is filled now): the handler is not to be skipped for it.
            if (http.Response.StatusCode == StatusCodes.Status400BadRequest)
                http.Response.StatusCode = StatusCodes.Status200OK;
        }
        http.Features.Set(new WebhookFeature(entry.Webhook));

        object? result;
        try
        {
            result = await next(context);
        }
        catch (Exception exception)
        {
            await gate.FailedAsync(http, entry, exception);
            return Results.Empty;
        }
        var status = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : http.Response.StatusCode;
        if (status is < 200 or >= 300)
        {
            await gate.DeclinedAsync(http, entry, status);
            return result;
        }
        var answered = result is not null and not Microsoft.AspNetCore.Http.HttpResults.EmptyHttpResult;
        await gate.SucceededAsync(http, entry, answered: answered || http.Response.HasStarted);
        return answered ? result : Results.Empty;
    }

    private (WebhookSchemeHandle, WebhookGate) Resolve(IServiceProvider services)
        => (services.GetRequiredService<WebhookSchemeRegistry>().GetHandle(scheme), services.GetRequiredService<WebhookActionBindings>().Gate);

    private static Webhook? FindWebhook(IList<object?> arguments, out int index)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i] is Webhook webhook)
            {
                index = i;
                return webhook;
            }
        }
        index = -1;
        return null;
    }
}
