using System.Numerics;
using System.Runtime.CompilerServices;

namespace LiquidationEngine.Accounts;

/// <summary>
/// A set of asset ids (0..127) as two 64-bit words: the assets an account supplies, owes or uses as collateral,
/// so risk loops visit only those. Plain ulong operations, all inlined (UInt128 operators are not, on every JIT).
/// </summary>
internal struct AssetMask
{
    private ulong _low;
    private ulong _high;

    public readonly bool IsEmpty
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (_low | _high) == 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly bool Contains(int id) => ((id < 64 ? _low >> id : _high >> (id - 64)) & 1) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Set(int id, bool member)
    {
        ref ulong word = ref id < 64 ? ref _low : ref _high;
        ulong bit = 1UL << (id & 63);
        word = member ? word | bit : word & ~bit;
    }

    /// <summary>Removes and returns the lowest id; -1 when empty.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int PopLowest()
    {
        if (_low != 0)
        {
            int id = BitOperations.TrailingZeroCount(_low);
            _low &= _low - 1;
            return id;
        }
        if (_high != 0)
        {
            int id = 64 + BitOperations.TrailingZeroCount(_high);
            _high &= _high - 1;
            return id;
        }
        return -1;
    }
}
