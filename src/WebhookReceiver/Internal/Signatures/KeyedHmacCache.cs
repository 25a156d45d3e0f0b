using System.Security.Cryptography;

namespace WebhookReceiver.Internal;

/// <summary>
/// Keyed HMAC instances reused per thread. A one-shot <c>HMACSHA256.HashData</c> sets the key up on every call (the
/// inner and outer pads: two extra compression rounds and a native context per call), which on ~1 KB bodies costs about
/// a third of the HMAC itself; a keyed instance is reset to its keyed state after each hash instead.
/// Only for key arrays the library owns and never mutates (a scheme's keys, built at start-up): the cache is keyed by
/// the array's identity, not its contents. A few slots per thread cover every scheme of an application with rotation;
/// a thread's instances are released by their finalizers when the thread ends.
/// </summary>
internal static class KeyedHmacCache
{
    private const int Slots = 8;

    [ThreadStatic] private static Slot?[]? t_slots;
    [ThreadStatic] private static int t_nextVictim;

    /// <summary>Computes the HMAC of <paramref name="content"/> under <paramref name="key"/> into <paramref name="destination"/>; returns its size.</summary>
    public static int Compute(WebhookHmacAlgorithm algorithm, byte[] key, ReadOnlySpan<byte> content, Span<byte> destination)
    {
        var slot = Find(algorithm, key);
        try
        {
            slot.Hash.AppendData(content);
            return slot.Hash.GetHashAndReset(destination);
        }
        catch
        {
            Evict(slot); // never reuse an instance left mid-hash
            throw;
        }
    }

    private static Slot Find(WebhookHmacAlgorithm algorithm, byte[] key)
    {
        var slots = t_slots ??= new Slot?[Slots];
        for (var i = 0; i < slots.Length; i++)
        {
            var slot = slots[i];
            if (slot is not null && ReferenceEquals(slot.Key, key) && slot.Algorithm == algorithm)
                return slot;
        }

        var victim = t_nextVictim;
        t_nextVictim = (victim + 1) % Slots;
        slots[victim]?.Hash.Dispose();
        return slots[victim] = new Slot(key, algorithm, IncrementalHash.CreateHMAC(Name(algorithm), key));
    }

    private static void Evict(Slot slot)
    {
        var slots = t_slots;
        if (slots is null)
            return;
        for (var i = 0; i < slots.Length; i++)
        {
            if (ReferenceEquals(slots[i], slot))
                slots[i] = null;
        }
        slot.Hash.Dispose();
    }

    private static HashAlgorithmName Name(WebhookHmacAlgorithm algorithm) => algorithm switch
    {
        WebhookHmacAlgorithm.Sha1 => HashAlgorithmName.SHA1,
        WebhookHmacAlgorithm.Sha256 => HashAlgorithmName.SHA256,
        WebhookHmacAlgorithm.Sha512 => HashAlgorithmName.SHA512,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    private sealed record Slot(byte[] Key, WebhookHmacAlgorithm Algorithm, IncrementalHash Hash);
}
