namespace WebhookReceiver.OutsideProvider.Tests;

/// <summary>Options of the Acme scheme: the shared secret and tolerance of every scheme, nothing else.</summary>
public sealed class AcmeOptions : WebhookSchemeOptions
{
}
