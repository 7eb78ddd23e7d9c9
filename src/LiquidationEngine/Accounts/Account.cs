using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Accounts;

/// <summary>
/// One account's scaled balances, indexed by asset id (listing order), with bit masks of the assets it supplies,
/// owes and uses as collateral so risk loops touch only those. Mutable; owned by one market.
/// </summary>
internal sealed class Account
{
    private UInt256[] _scaledSupply;
    private UInt256[] _scaledDebt;

    public Account(int assetCount)
    {
        _scaledSupply = new UInt256[assetCount];
        _scaledDebt = new UInt256[assetCount];
    }

    /// <summary>Bit i: the account has a non-zero scaled supply of asset i.</summary>
    public UInt128 SupplyMask { get; private set; }

    /// <summary>Bit i: the account has a non-zero scaled debt of asset i.</summary>
    public UInt128 DebtMask { get; private set; }

    /// <summary>Bit i: the supply of asset i counts as collateral.</summary>
    public UInt128 CollateralMask { get; private set; }

    /// <summary>No balance and no flag: the account is not part of the state.</summary>
    public bool IsEmpty => (SupplyMask | DebtMask | CollateralMask) == UInt128.Zero;

    public UInt256 ScaledSupply(int asset) => asset < _scaledSupply.Length ? _scaledSupply[asset] : UInt256.Zero;

    public UInt256 ScaledDebt(int asset) => asset < _scaledDebt.Length ? _scaledDebt[asset] : UInt256.Zero;

    public bool UsesAsCollateral(int asset) => (CollateralMask & Bit(asset)) != UInt128.Zero;

    public void SetScaledSupply(int asset, UInt256 value)
    {
        Grow(ref _scaledSupply, asset);
        _scaledSupply[asset] = value;
        SupplyMask = With(SupplyMask, asset, !value.IsZero);
    }

    public void SetScaledDebt(int asset, UInt256 value)
    {
        Grow(ref _scaledDebt, asset);
        _scaledDebt[asset] = value;
        DebtMask = With(DebtMask, asset, !value.IsZero);
    }

    public void SetUseAsCollateral(int asset, bool enabled) => CollateralMask = With(CollateralMask, asset, enabled);

    public Account Clone()
    {
        var copy = new Account(0)
        {
            _scaledSupply = (UInt256[])_scaledSupply.Clone(),
            _scaledDebt = (UInt256[])_scaledDebt.Clone(),
        };
        copy.SupplyMask = SupplyMask;
        copy.DebtMask = DebtMask;
        copy.CollateralMask = CollateralMask;
        return copy;
    }

    /// <summary>Removes and returns the lowest set bit's index; -1 when the mask is empty.</summary>
    public static int PopLowest(ref UInt128 mask)
    {
        if (mask == UInt128.Zero) return -1;
        int index = (int)UInt128.TrailingZeroCount(mask);
        mask &= mask - UInt128.One;
        return index;
    }

    public static UInt128 Bit(int asset) => UInt128.One << asset;

    private static UInt128 With(UInt128 mask, int asset, bool set) => set ? mask | Bit(asset) : mask & ~Bit(asset);

    private static void Grow(ref UInt256[] values, int asset)
    {
        if (asset >= values.Length)
            Array.Resize(ref values, Math.Max(asset + 1, values.Length * 2));
    }
}
