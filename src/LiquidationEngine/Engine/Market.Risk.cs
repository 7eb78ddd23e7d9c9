using System.Runtime.InteropServices;
using LiquidationEngine.Accounts;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Markets;
using LiquidationEngine.Risk;

namespace LiquidationEngine.Engine;

public sealed partial class Market
{
    /// <summary>
    /// At most one supply change and one debt change, applied on top of an account's stored position while
    /// computing its risk: how an operation checks the health factor it would leave before changing anything.
    /// The default value changes nothing.
    /// </summary>
    private readonly struct PositionChange
    {
        private readonly int _supplySlot; // asset id + 1; 0: no supply change
        private readonly int _debtSlot;   // asset id + 1; 0: no debt change

        private PositionChange(int supplyAsset, UInt256 scaledSupply, bool useAsCollateral, int debtAsset, UInt256 scaledDebt)
        {
            _supplySlot = supplyAsset + 1;
            ScaledSupply = scaledSupply;
            UseAsCollateral = useAsCollateral;
            _debtSlot = debtAsset + 1;
            ScaledDebt = scaledDebt;
        }

        public int SupplyAsset => _supplySlot - 1;

        public UInt256 ScaledSupply { get; }

        public bool UseAsCollateral { get; }

        public int DebtAsset => _debtSlot - 1;

        public UInt256 ScaledDebt { get; }

        public static PositionChange Supply(int asset, UInt256 scaled, bool useAsCollateral) => new(asset, scaled, useAsCollateral, -1, default);

        public static PositionChange Debt(int asset, UInt256 scaled) => new(-1, default, false, asset, scaled);

        public static PositionChange Both(int supplyAsset, UInt256 scaledSupply, bool useAsCollateral, int debtAsset, UInt256 scaledDebt) =>
            new(supplyAsset, scaledSupply, useAsCollateral, debtAsset, scaledDebt);
    }

    private AccountData ComputeAccountData(Account? account, in PositionChange change)
    {
        AssetMask collateral = account?.CollateralMask ?? default;
        AssetMask debt = account?.DebtMask ?? default;
        if (change.SupplyAsset >= 0)
            collateral.Set(change.SupplyAsset, change.UseAsCollateral && !change.ScaledSupply.IsZero);
        if (change.DebtAsset >= 0)
            debt.Set(change.DebtAsset, !change.ScaledDebt.IsZero);

        ReadOnlySpan<AssetState> assets = CollectionsMarshal.AsSpan(_assets);
        var builder = new AccountDataBuilder();
        for (int id = collateral.PopLowest(); id >= 0; id = collateral.PopLowest())
        {
            ref readonly AssetState asset = ref assets[id];
            UInt256 scaled = id == change.SupplyAsset ? change.ScaledSupply : account!.ScaledSupply(id);
            builder.AddScaledCollateral(scaled, asset.SupplyIndex, asset.Price, asset.Config.Decimals,
                asset.Config.Risk.LtvBps, asset.Config.Risk.LiquidationThresholdBps);
        }
        for (int id = debt.PopLowest(); id >= 0; id = debt.PopLowest())
        {
            ref readonly AssetState asset = ref assets[id];
            UInt256 scaled = id == change.DebtAsset ? change.ScaledDebt : account!.ScaledDebt(id);
            builder.AddScaledDebt(scaled, asset.BorrowIndex, asset.Price, asset.Config.Decimals);
        }
        return builder.Build();
    }
}
