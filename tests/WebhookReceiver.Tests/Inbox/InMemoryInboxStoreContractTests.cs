using WebhookReceiver.Internal;

namespace WebhookReceiver.Tests.Inbox;

public sealed class InMemoryInboxStoreContractTests : InboxStoreContractTests
{
    protected override Task<IWebhookInboxStore> CreateStoreAsync() => Task.FromResult<IWebhookInboxStore>(new InMemoryInboxStore(TimeProvider.System));
}
