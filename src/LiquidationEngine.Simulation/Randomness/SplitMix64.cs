namespace LiquidationEngine.Simulation.Randomness;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", 2014; the reference C code
/// by Vigna): the simulator's only source of randomness. Our own, because <see cref="System.Random"/>'s seeded
/// sequence is not guaranteed to stay the same across .NET versions, and a scenario must replay to the byte.
/// </summary>
/// <remarks>Not thread-safe and not cryptographic. Give each component its own stream with <see cref="Fork"/>,
/// so adding draws to one component never shifts the numbers another one sees.</remarks>
public sealed class SplitMix64
{
    private const ulong Gamma = 0x9E3779B97F4A7C15;
    private ulong _state;

    /// <summary>Creates a generator whose first output is SplitMix64's first output for <paramref name="seed"/>.</summary>
    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>The next 64 uniformly distributed bits.</summary>
    public ulong NextUInt64()
    {
        _state = unchecked(_state + Gamma);
        return Mix(_state);
    }

    /// <summary>A uniform integer in [0, <paramref name="bound"/>), without modulo bias (Lemire's multiply-and-reject).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bound"/> is 0.</exception>
    public ulong NextBelow(ulong bound)
    {
        ArgumentOutOfRangeException.ThrowIfZero(bound);
        ulong high = Math.BigMul(NextUInt64(), bound, out ulong low);
        if (low < bound)
        {
            ulong threshold = unchecked(0 - bound) % bound;
            while (low < threshold)
                high = Math.BigMul(NextUInt64(), bound, out low);
        }
        return high;
    }

    /// <summary>A uniform integer in [<paramref name="min"/>, <paramref name="max"/>] (both inclusive).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="max"/> is below <paramref name="min"/>.</exception>
    public long NextInclusive(long min, long max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, min);
        ulong span = unchecked((ulong)(max - min));
        ulong offset = span == ulong.MaxValue ? NextUInt64() : NextBelow(span + 1);
        return unchecked(min + (long)offset);
    }

    /// <summary>
    /// An independent generator for a named sub-stream: seeded with the mix of this generator's seed state and
    /// <paramref name="stream"/>. Does not advance this generator.
    /// </summary>
    public SplitMix64 Fork(ulong stream) => new(Mix(unchecked(_state ^ Mix(stream + Gamma))));

    // The SplitMix64 finaliser (a variant of MurmurHash3's fmix64 with Stafford's "Mix13" constants).
    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            return z ^ (z >> 31);
        }
    }
}
