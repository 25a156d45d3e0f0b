using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;

namespace WebhookReceiver.Internal;

/// <summary>Turns a handler delegate into a registration, binding its parameters with <c>RequestDelegateFactory</c> once.</summary>
internal static class WebhookHandlerFactory
{
    public const string DelegateWarning =
        "Delegate handlers bind their parameters through reflection. Use the Func<Webhook<T>, CancellationToken, Task> overload for trimming and Native AOT.";

    [RequiresUnreferencedCode(DelegateWarning)]
    [RequiresDynamicCode(DelegateWarning)]
    public static WebhookHandlerRegistration FromDelegate(Delegate handler, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var method = handler.Method;
        if (!System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported)
            throw new InvalidOperationException(
                $"Webhook handler {method.DeclaringType?.Name}.{method.Name} is a delegate with bound parameters, which needs dynamic code " +
                "and cannot run under Native AOT. Use On<T>(eventType, Func<Webhook<T>, CancellationToken, Task>, JsonTypeInfo<T>) " +
                "(services from webhook.HttpContext.RequestServices) or a [WebhookHandler] class registered with AddGeneratedWebhookHandlers() " +
                "or AddWebhookHandler<THandler, T>().");
        var returnType = method.ReturnType;
        if (returnType != typeof(void) && returnType != typeof(Task) && returnType != typeof(ValueTask))
            throw new ArgumentException(
                $"A webhook handler returns void, Task or ValueTask (not {returnType.Name}): the library answers the provider itself.", nameof(handler));

        var payloadTypes = method.GetParameters()
            .Select(p => p.ParameterType)
            .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Webhook<>))
            .Select(t => t.GetGenericArguments()[0])
            .ToList();
        if (payloadTypes.Count != 1)
            throw new ArgumentException("A webhook handler takes exactly one Webhook<T> parameter, T being the payload type.", nameof(handler));

        var invoke = RequestDelegateFactory.Create(handler, new RequestDelegateFactoryOptions
        {
            ServiceProvider = services,
            DisableInferBodyFromParameters = true,
            ThrowOnBadRequest = true,
        }).RequestDelegate;
        var registrationType = typeof(DelegateWebhookHandler<>).MakeGenericType(payloadTypes[0]);
        return (WebhookHandlerRegistration)Activator.CreateInstance(registrationType, invoke)!;
    }
}
