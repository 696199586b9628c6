using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Consultation.Counting;

/// <summary>
/// Drawing lots reproducibly: the n-th draw is taken from SHA-256(seed, n), so anyone with the published seed
/// draws the same lots on any machine and any .NET version (unlike System.Random, whose sequence is not specified).
/// </summary>
public sealed class Lot(string seed)
{
    private long draws;

    public string Seed { get; } = seed;

    /// <summary>Picks one of <paramref name="count"/> equally likely outcomes.</summary>
    public int Draw(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        // Reject the top partial range so every outcome is exactly equally likely.
        var limit = ulong.MaxValue - (ulong.MaxValue % (ulong)count);
        while (true)
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{Seed}\n{draws++}"));
            var value = BinaryPrimitives.ReadUInt64BigEndian(hash);
            if (value < limit)
            {
                return (int)(value % (ulong)count);
            }
        }
    }
}
