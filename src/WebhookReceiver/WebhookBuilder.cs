using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>Adds webhook schemes; returned by <c>services.AddWebhooks()</c>.</summary>
public sealed class WebhookBuilder
{
    internal WebhookBuilder(IServiceCollection services) => Services = services;

    /// <summary>Gets the service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Adds a scheme named <paramref name="name"/> of <paramref name="provider"/>. Its options are set by
    /// <paramref name="configure"/>, then bound from <c>Webhooks:Schemes:{name}</c> (configuration wins, so a
    /// deployment overrides compiled defaults), validated at start-up and reloaded on configuration changes.
    /// Provider extensions such as <c>AddStandardWebhooks</c> call this.
    /// </summary>
    /// <typeparam name="TOptions">The provider's options type.</typeparam>
    /// <param name="name">The scheme name used by <c>MapWebhook</c>.</param>
    /// <param name="provider">The provider.</param>
    /// <param name="configure">Sets options in code; may be <see langword="null"/>.</param>
    public WebhookBuilder AddScheme<TOptions>(string name, WebhookProvider<TOptions> provider, Action<TOptions>? configure = null)
        where TOptions : WebhookSchemeOptions, new()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(provider);
        foreach (var descriptor in Services)
        {
            if (descriptor.ImplementationInstance is WebhookSchemeRegistration existing && existing.Name == name)
                throw new InvalidOperationException($"A webhook scheme named '{name}' is already registered.");
        }

        var section = $"{WebhookOptions.SchemesSection}:{name}";
        var options = Services.AddOptions<TOptions>(name);
        if (configure is not null)
            options.Configure(configure);
        Services.AddSingleton<IConfigureOptions<TOptions>>(sp => new ConfigureNamedOptions<TOptions>(name, o =>
        {
            if (sp.GetService<IConfiguration>() is { } configuration)
                provider.Bind(configuration.GetSection(section), o);
        }));
        Services.AddSingleton<IOptionsChangeTokenSource<TOptions>>(sp =>
            new ConfigurationChangeTokenSource<TOptions>(name, (IConfiguration?)sp.GetService<IConfiguration>()?.GetSection(section) ?? new ConfigurationBuilder().Build()));
        Services.AddSingleton<IValidateOptions<TOptions>>(new WebhookSchemeOptionsValidator<TOptions>(name, provider));
        options.ValidateOnStart();

        Services.AddSingleton(new WebhookSchemeRegistration(name, (sp, logger) =>
            new WebhookSchemeHandle<TOptions>(name, provider, sp.GetRequiredService<IOptionsMonitor<TOptions>>(), logger)));
        return this;
    }

    /// <summary>
    /// Adds a scheme of a provider known only at run time (e.g. picked by id from <see cref="WebhookProviders"/>);
    /// <paramref name="configure"/> receives the provider's own options type.
    /// </summary>
    /// <param name="name">The scheme name used by <c>MapWebhook</c>.</param>
    /// <param name="provider">The provider.</param>
    /// <param name="configure">Sets options in code; may be <see langword="null"/>.</param>
    public WebhookBuilder AddScheme(string name, WebhookProvider provider, Action<WebhookSchemeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(provider);
        provider.AddTo(this, name, configure);
        return this;
    }

    /// <summary>
    /// Replaces the in-memory inbox store (not durable) with <typeparamref name="TStore"/>, a singleton, for every
    /// endpoint mapped with <c>UseInbox()</c>. Store packages (e.g. <c>AddRedisInboxStore</c>) call this.
    /// </summary>
    /// <typeparam name="TStore">The store type.</typeparam>
    public WebhookBuilder AddInboxStore<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TStore>()
        where TStore : class, IWebhookInboxStore
    {
        Services.TryAddSingleton<TStore>();
        return AddInboxStore(static sp => sp.GetRequiredService<TStore>());
    }

    /// <summary>Replaces the in-memory inbox store (not durable) with the store <paramref name="factory"/> creates, once.</summary>
    /// <param name="factory">Creates the store from the application's services.</param>
    public WebhookBuilder AddInboxStore(Func<IServiceProvider, IWebhookInboxStore> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Services.RemoveAll<IWebhookInboxStore>();
        Services.AddSingleton(factory);
        return this;
    }

    internal static WebhookBuilder Create(IServiceCollection services)
    {
        services.AddOptions();
        services.AddLogging();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WebhookSchemeRegistry>();
        services.TryAddSingleton<WebhookMetrics>();
        services.TryAddSingleton<IWebhookNonceStore, Replay.InMemoryNonceStore>();
        services.TryAddSingleton<IWebhookVerifier, WebhookVerifier>();
        services.TryAddSingleton<WebhookCaptureWriter>();
        services.TryAddSingleton<WebhookActionBindings>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, WebhookActionValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, WebhookEndpointReporter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, WebhookUrlTrustValidator>());
        if (!services.Any(d => d.ServiceType == typeof(InboxEndpointRegistry)))
        {
            services.AddOptions<WebhookInboxOptions>().ValidateOnStart();
            services.AddSingleton<IConfigureOptions<WebhookInboxOptions>>(sp => new ConfigureOptions<WebhookInboxOptions>(o =>
            {
                if (sp.GetService<IConfiguration>() is { } configuration)
                    configuration.GetSection(WebhookInboxOptions.Section).Bind(o);
            }));
        }
        services.TryAddSingleton<IWebhookInboxStore, InMemoryInboxStore>();
        services.TryAddSingleton<IWebhookInbox, WebhookInbox>();
        services.TryAddSingleton<InboxMetrics>();
        services.TryAddSingleton<InboxEndpointRegistry>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookInboxOptions>, WebhookInboxOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, WebhookInboxProcessor>());
        return new WebhookBuilder(services);
    }
}
