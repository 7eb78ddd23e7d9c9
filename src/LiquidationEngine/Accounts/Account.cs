using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Accounts;

/// <summary>
/// One account's scaled balances, indexed by asset id (listing order), with asset sets (<see cref="AssetMask"/>) of what it supplies,
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

    private AssetMask _supplied;
    private AssetMask _owed;
    private AssetMask _collateral;

    /// <summary>The assets with a non-zero scaled supply.</summary>
    public AssetMask SupplyMask => _supplied;

    /// <summary>The assets with a non-zero scaled debt.</summary>
    public AssetMask DebtMask => _owed;

    /// <summary>The assets whose supply counts as collateral.</summary>
    public AssetMask CollateralMask => _collateral;

    /// <summary>No balance and no flag: the account is not part of the state.</summary>
    public bool IsEmpty => _supplied.IsEmpty && _owed.IsEmpty && _collateral.IsEmpty;

    public UInt256 ScaledSupply(int asset) => asset < _scaledSupply.Length ? _scaledSupply[asset] : UInt256.Zero;

    public UInt256 ScaledDebt(int asset) => asset < _scaledDebt.Length ? _scaledDebt[asset] : UInt256.Zero;

    public bool UsesAsCollateral(int asset) => _collateral.Contains(asset);

    public void SetScaledSupply(int asset, UInt256 value)
    {
        Grow(ref _scaledSupply, asset);
        _scaledSupply[asset] = value;
        _supplied.Set(asset, !value.IsZero);
    }

    public void SetScaledDebt(int asset, UInt256 value)
    {
        Grow(ref _scaledDebt, asset);
        _scaledDebt[asset] = value;
        _owed.Set(asset, !value.IsZero);
    }

    public void SetUseAsCollateral(int asset, bool enabled) => _collateral.Set(asset, enabled);

    private static void Grow(ref UInt256[] values, int asset)
    {
        if (asset >= values.Length)
            Array.Resize(ref values, Math.Max(asset + 1, values.Length * 2));
    }
}
