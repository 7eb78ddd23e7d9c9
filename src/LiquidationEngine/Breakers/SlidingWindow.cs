using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Breakers;

/// <summary>
/// A ring of <see cref="WindowOptions.BucketCount"/> buckets, each tagged with its epoch (timestamp / bucket length),
/// aggregated as a sum or a maximum. An update touches one bucket (O(1)); a read scans the fixed number of buckets
/// without changing anything, so reads are pure and a reverted operation leaves the window bit-identical. Buckets
/// from before the window are ignored by reads and overwritten by the next update that lands on them.
/// </summary>
/// <remarks>Timestamps must not decrease: an earlier one reverts with <c>Panic(0x11)</c>. Allocation-free after construction.</remarks>
public sealed class SlidingWindow
{
    private readonly UInt256[] _values;
    private readonly ulong[] _epochs;
    private readonly ulong _bucketSeconds;

    // Memo of Sum (derived, not state): the sum at epoch _sumEpoch, kept up to date by Add within that epoch.
    private bool _sumKnown;
    private ulong _sumEpoch;
    private UInt256 _sum;

    /// <summary>Creates an empty window.</summary>
    /// <param name="options">Length and bucket count; validated.</param>
    /// <param name="field">The option's name, for the validation error (e.g. <c>LiquidationVelocityWindow</c>).</param>
    /// <exception cref="EvmRevertException"><c>InvalidBreakerParameter(field, value)</c>.</exception>
    public SlidingWindow(WindowOptions options, string field = "Window")
    {
        options.Validate(field);
        Options = options;
        _values = new UInt256[options.BucketCount];
        _epochs = new ulong[options.BucketCount];
        _bucketSeconds = options.BucketSeconds;
    }

    /// <summary>The window's shape.</summary>
    public WindowOptions Options { get; }

    /// <summary>Timestamp of the last update, seconds (0 before any).</summary>
    public ulong LastUpdate { get; private set; }

    /// <summary>The raw bucket values, by ring position (for snapshots and the state hash).</summary>
    public ReadOnlySpan<UInt256> Values => _values;

    /// <summary>The raw bucket epochs, by ring position.</summary>
    public ReadOnlySpan<ulong> Epochs => _epochs;

    /// <summary>Adds to the current bucket; the sum saturates at 2^256 - 1 (so an update never fails).</summary>
    public void Add(ulong timestamp, UInt256 amount)
    {
        ref UInt256 slot = ref Enter(timestamp);
        slot = SaturatingAdd(slot, amount);
        // A bucket that Enter recycled was not live in this epoch, so the memo moves by exactly this amount (saturating
        // addition of non-negative terms gives min(total, 2^256 - 1) in any order, as the scan does).
        if (_sumKnown && _sumEpoch == EpochOf(timestamp))
            _sum = SaturatingAdd(_sum, amount);
        else
            _sumKnown = false;
    }

    private static UInt256 SaturatingAdd(in UInt256 a, in UInt256 b)
    {
        UInt256 sum = UInt256.AddCore(a, b, out ulong carry);
        return carry != 0 ? UInt256.MaxValue : sum;
    }

    /// <summary>Raises the current bucket's maximum to <paramref name="value"/>.</summary>
    public void RaiseTo(ulong timestamp, UInt256 value)
    {
        ref UInt256 slot = ref Enter(timestamp);
        slot = UInt256.Max(slot, value);
        _sumKnown = false;
    }

    /// <summary>The sum of the buckets in the window at <paramref name="timestamp"/> (saturating). Pure (it memoizes the result, which is not state).</summary>
    /// <exception cref="EvmRevertException"><c>Panic(0x11)</c>: the timestamp is before the last update.</exception>
    public UInt256 Sum(ulong timestamp)
    {
        ulong epoch = EpochOf(timestamp);
        if (_sumKnown && _sumEpoch == epoch)
            return _sum;
        UInt256 sum = UInt256.Zero;
        for (int i = 0; i < _values.Length; i++)
        {
            if (!IsLive(_epochs[i], epoch)) continue;
            sum = UInt256.AddCore(sum, _values[i], out ulong carry);
            if (carry != 0)
            {
                sum = UInt256.MaxValue;
                break;
            }
        }
        (_sumKnown, _sumEpoch, _sum) = (true, epoch, sum);
        return sum;
    }

    /// <summary>The largest bucket value in the window at <paramref name="timestamp"/> (0 when empty). Pure.</summary>
    /// <exception cref="EvmRevertException"><c>Panic(0x11)</c>: the timestamp is before the last update.</exception>
    public UInt256 Max(ulong timestamp)
    {
        ulong epoch = EpochOf(timestamp);
        UInt256 max = UInt256.Zero;
        for (int i = 0; i < _values.Length; i++)
            if (IsLive(_epochs[i], epoch) && _values[i] > max) max = _values[i];
        return max;
    }

    /// <summary>Replaces the whole content (restoring a snapshot); the spans must have <see cref="WindowOptions.BucketCount"/> entries.</summary>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    public void Restore(ReadOnlySpan<UInt256> values, ReadOnlySpan<ulong> epochs, ulong lastUpdate)
    {
        if (values.Length != _values.Length || epochs.Length != _epochs.Length)
            throw new ArgumentException($"a snapshot of this window has {_values.Length} buckets; got {values.Length} values and {epochs.Length} epochs");
        values.CopyTo(_values);
        epochs.CopyTo(_epochs);
        LastUpdate = lastUpdate;
        _sumKnown = false;
    }

    private ref UInt256 Enter(ulong timestamp)
    {
        ulong epoch = EpochOf(timestamp);
        int index = (int)(epoch % (ulong)_values.Length);
        if (_epochs[index] != epoch)
        {
            _epochs[index] = epoch;
            _values[index] = UInt256.Zero;
        }
        LastUpdate = timestamp;
        return ref _values[index];
    }

    // Bucket tags never exceed the current epoch because time only moves forward.
    private bool IsLive(ulong bucketEpoch, ulong epoch) => epoch - bucketEpoch < (ulong)_values.Length;

    private ulong EpochOf(ulong timestamp)
    {
        if (timestamp < LastUpdate) EvmRevertException.ThrowOverflow();
        return timestamp / _bucketSeconds;
    }
}
