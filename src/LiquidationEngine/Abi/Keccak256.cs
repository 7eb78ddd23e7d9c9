using System.Buffers.Binary;
using System.Numerics;
using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Abi;

/// <summary>
/// Ethereum's Keccak-256: the hash behind function selectors, event topics, EIP-55 checksums and
/// Solidity's <c>keccak256</c>.
/// </summary>
/// <remarks>
/// This is the original Keccak submission (multi-rate padding byte <c>0x01</c>), which Ethereum
/// adopted before NIST standardised SHA3-256 with the domain byte <c>0x06</c>; the two give
/// different digests for every input, so <see cref="System.Security.Cryptography.SHA3_256"/> is no
/// substitute. The one-shot methods that write into a span allocate nothing; for input that is
/// produced piece by piece use <see cref="Keccak256Hasher"/>.
/// </remarks>
public static class Keccak256
{
    /// <summary>Length of a digest in bytes.</summary>
    public const int HashSizeInBytes = 32;

    // Keccak[c = 512]: 1600-bit state, rate = 1600 - 512 bits.
    internal const int RateInBytes = 136;
    internal const int StateLanes = 25;
    private const int RateLanes = RateInBytes / 8;

    /// <summary>Hashes <paramref name="data"/> into the first 32 bytes of <paramref name="destination"/>. Allocates nothing.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 32 bytes.</exception>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        CheckDestination(destination);
        Span<ulong> state = stackalloc ulong[StateLanes];
        state.Clear();
        while (data.Length >= RateInBytes)
        {
            AbsorbBlock(state, data[..RateInBytes]);
            data = data[RateInBytes..];
        }
        AbsorbLastAndSqueeze(state, data, destination);
    }

    /// <summary>Hashes <paramref name="data"/> and returns the 32-byte digest.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var digest = new byte[HashSizeInBytes];
        Hash(data, digest);
        return digest;
    }

    /// <summary>Hashes <paramref name="data"/> and returns the digest as a word, as Solidity's <c>uint256(keccak256(data))</c>.</summary>
    public static UInt256 HashToUInt256(ReadOnlySpan<byte> data)
    {
        Span<byte> digest = stackalloc byte[HashSizeInBytes];
        Hash(data, digest);
        return UInt256.ReadBigEndian(digest);
    }

    internal static void CheckDestination(Span<byte> destination)
    {
        if (destination.Length < HashSizeInBytes)
            throw new ArgumentException($"A Keccak-256 digest needs 32 bytes; the destination has {destination.Length}.", nameof(destination));
    }

    /// <summary>XORs one full rate-sized block into the state and permutes.</summary>
    internal static void AbsorbBlock(Span<ulong> state, ReadOnlySpan<byte> block)
    {
        for (int i = 0; i < RateLanes; i++)
            state[i] ^= BinaryPrimitives.ReadUInt64LittleEndian(block[(8 * i)..]);
        Permute(state);
    }

    /// <summary>Pads the final partial block (shorter than the rate), absorbs it and writes the digest.</summary>
    internal static void AbsorbLastAndSqueeze(Span<ulong> state, ReadOnlySpan<byte> last, Span<byte> destination)
    {
        Span<byte> block = stackalloc byte[RateInBytes];
        block.Clear();
        last.CopyTo(block);
        // pad10*1 with Keccak's 0x01 start bit; both ends land in one byte when only one byte is free (0x81).
        block[last.Length] ^= 0x01;
        block[RateInBytes - 1] ^= 0x80;
        AbsorbBlock(state, block);
        for (int i = 0; i < HashSizeInBytes / 8; i++)
            BinaryPrimitives.WriteUInt64LittleEndian(destination[(8 * i)..], state[i]);
    }

    private static ReadOnlySpan<ulong> RoundConstants =>
    [
        0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000,
        0x000000000000808B, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
        0x000000000000008A, 0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
        0x000000008000808B, 0x800000000000008B, 0x8000000000008089, 0x8000000000008003,
        0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
        0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
    ];

    // rho rotation amounts along the pi walk that starts at lane 1.
    private static ReadOnlySpan<byte> Rotations =>
        [1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 2, 14, 27, 41, 56, 8, 25, 43, 62, 18, 39, 61, 20, 44];

    // Lane visited at each step of that walk: pi sends (x, y) to (y, 2x + 3y).
    private static ReadOnlySpan<byte> PiLanes =>
        [10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4, 15, 23, 19, 13, 12, 2, 20, 14, 22, 9, 6, 1];

    /// <summary>Keccak-f[1600], 24 rounds; lane index = x + 5y.</summary>
    private static void Permute(Span<ulong> a)
    {
        Span<ulong> c = stackalloc ulong[5];
        ReadOnlySpan<ulong> roundConstants = RoundConstants;
        ReadOnlySpan<byte> rotations = Rotations;
        ReadOnlySpan<byte> piLanes = PiLanes;
        for (int round = 0; round < 24; round++)
        {
            // theta
            for (int x = 0; x < 5; x++)
                c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
            for (int x = 0; x < 5; x++)
            {
                ulong d = c[(x + 4) % 5] ^ BitOperations.RotateLeft(c[(x + 1) % 5], 1);
                for (int y = 0; y < 25; y += 5)
                    a[y + x] ^= d;
            }

            // rho and pi together
            ulong carried = a[1];
            for (int i = 0; i < 24; i++)
            {
                int lane = piLanes[i];
                ulong next = a[lane];
                a[lane] = BitOperations.RotateLeft(carried, rotations[i]);
                carried = next;
            }

            // chi
            for (int y = 0; y < 25; y += 5)
            {
                for (int x = 0; x < 5; x++) c[x] = a[y + x];
                for (int x = 0; x < 5; x++)
                    a[y + x] = c[x] ^ (~c[(x + 1) % 5] & c[(x + 2) % 5]);
            }

            // iota
            a[0] ^= roundConstants[round];
        }
    }
}
