using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace WebhookReceiver.Internal;

/// <summary>Fails start-up when the Redis inbox store has nowhere to connect, no usable timeout or an unusable group name.</summary>
internal sealed class RedisInboxStoreOptionsValidator : IValidateOptions<RedisInboxStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisInboxStoreOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Configuration) && options.ConfigurationOptions is null && options.ConnectionMultiplexerFactory is null)
        {
            errors.Add("The Redis inbox store needs Configuration, ConfigurationOptions or ConnectionMultiplexerFactory (e.g. Configuration = \"localhost:6379\"), or AddRedisNonceStore to share its connection.");
        }
        else if (options.ConfigurationOptions is null && options.ConnectionMultiplexerFactory is null)
        {
            try
            {
                ConfigurationOptions.Parse(options.Configuration!);
            }
            catch (ArgumentException e)
            {
                errors.Add($"RedisInboxStoreOptions.Configuration is not a StackExchange.Redis configuration string: {e.Message}");
            }
        }
        if (options.Timeout <= TimeSpan.Zero)
            errors.Add("RedisInboxStoreOptions.Timeout must be positive.");
        if (string.IsNullOrWhiteSpace(options.ConsumerGroup) || options.ConsumerGroup.AsSpan().IndexOfAny('{', '}') >= 0)
            errors.Add("RedisInboxStoreOptions.ConsumerGroup must be a non-empty name without braces.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
