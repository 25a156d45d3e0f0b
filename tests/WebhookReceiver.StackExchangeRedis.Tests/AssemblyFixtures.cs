using WebhookReceiver.StackExchangeRedis.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(RedisServers))]
