using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WebhookReceiver;
using WebhookReceiver.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="IWebhookHandler{T}"/> classes marked with <see cref="WebhookHandlerAttribute"/>.</summary>
public static class WebhookHandlerBuilderExtensions
{
    private const string ScanWarning =
        "Finding webhook handler classes scans an assembly with reflection. Register each handler with AddWebhookHandler<THandler, T>() for trimming and Native AOT.";

    /// <summary>
    /// Registers every non-abstract class of <paramref name="assembly"/> marked with <see cref="WebhookHandlerAttribute"/>
    /// (each one implementing <see cref="IWebhookHandler{T}"/> once) as a scoped service and as the handler of its event
    /// types on the endpoints of its scheme. Uses reflection: for trimming and Native AOT call
    /// <see cref="AddWebhookHandler{THandler, T}"/> for each handler instead.
    /// </summary>
    /// <param name="builder">The webhook builder.</param>
    /// <param name="assembly">The assembly to scan, e.g. <c>typeof(Program).Assembly</c>.</param>
    [RequiresUnreferencedCode(ScanWarning)]
    [RequiresDynamicCode(ScanWarning)]
    public static WebhookBuilder AddWebhookHandlers(this WebhookBuilder builder, Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(assembly);
        var add = typeof(WebhookHandlerBuilderExtensions).GetMethod(nameof(AddWebhookHandler))!;
        foreach (var type in assembly.GetTypes())
        {
            if (!type.IsClass || type.IsAbstract || type.ContainsGenericParameters || !type.IsDefined(typeof(WebhookHandlerAttribute), inherit: false))
                continue;
            var payloadTypes = type.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IWebhookHandler<>))
                .Select(i => i.GetGenericArguments()[0])
                .ToArray();
            if (payloadTypes.Length != 1)
                throw new InvalidOperationException(
                    $"Webhook handler class {type.FullName} must implement IWebhookHandler<T> exactly once (it implements it {payloadTypes.Length} times).");
            add.MakeGenericMethod(type, payloadTypes[0]).Invoke(null, BindingFlags.DoNotWrapExceptions, null, [builder], null);
        }
        return builder;
    }

    /// <summary>
    /// Registers <typeparamref name="THandler"/>, marked with <see cref="WebhookHandlerAttribute"/>, as a scoped service and
    /// as the handler of its event types on the endpoints of its scheme. Trim- and Native-AOT-safe: this explicit
    /// registration (rather than a source generator) is the AOT path; registering the same class again does nothing.
    /// </summary>
    /// <typeparam name="THandler">The handler class.</typeparam>
    /// <typeparam name="T">The payload type it handles.</typeparam>
    /// <param name="builder">The webhook builder.</param>
    public static WebhookBuilder AddWebhookHandler<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler, T>(
        this WebhookBuilder builder)
        where THandler : class, IWebhookHandler<T>
    {
        ArgumentNullException.ThrowIfNull(builder);
        var attributes = typeof(THandler).GetCustomAttributes<WebhookHandlerAttribute>(inherit: false).ToArray();
        if (attributes.Length == 0)
            throw new InvalidOperationException(
                $"Webhook handler class {typeof(THandler).FullName} has no [WebhookHandler(scheme, eventType)] attribute.");
        if (builder.Services.Any(d => d.ImplementationInstance is WebhookHandlerDescriptor h && h.HandlerType == typeof(THandler)))
            return builder;

        builder.Services.TryAddScoped<THandler>();
        foreach (var attribute in attributes)
        {
            var eventType = attribute.EventType == WebhookHandlerAttribute.AnyEventType ? null : attribute.EventType;
            builder.Services.AddSingleton(new WebhookHandlerDescriptor(attribute.Scheme, eventType, typeof(THandler),
                static () => new ClassWebhookHandler<THandler, T>()));
        }
        return builder;
    }
}
