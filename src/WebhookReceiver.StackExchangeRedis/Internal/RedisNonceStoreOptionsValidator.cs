using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace WebhookReceiver.Internal;

/// <summary>Fails start-up when the Redis nonce store has nowhere to connect or no usable timeout.</summary>
internal sealed class RedisNonceStoreOptionsValidator : IValidateOptions<RedisNonceStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisNonceStoreOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Configuration) && options.ConfigurationOptions is null && options.ConnectionMultiplexerFactory is null)
            errors.Add("The Redis nonce store needs Configuration, ConfigurationOptions or ConnectionMultiplexerFactory (e.g. Configuration = \"localhost:6379\").");
        else if (options.ConfigurationOptions is null && options.ConnectionMultiplexerFactory is null)
            TryParse(options.Configuration!, errors);
        if (options.Timeout <= TimeSpan.Zero)
            errors.Add("RedisNonceStoreOptions.Timeout must be positive.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void TryParse(string configuration, List<string> errors)
    {
        try
        {
            ConfigurationOptions.Parse(configuration);
        }
        catch (ArgumentException e)
        {
            errors.Add($"RedisNonceStoreOptions.Configuration is not a StackExchange.Redis configuration string: {e.Message}");
        }
    }
}
