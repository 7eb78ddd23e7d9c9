namespace LiquidationEngine.Audit.Scripts;

/// <summary>
/// One operation of an audit script, in the auditor's terms: accounts are numbers (1 to
/// <see cref="ScriptAccounts.Count"/>), assets are symbols from the config, amounts are base-10 token units or
/// <c>"max"</c>. Each operation runs in its own block (number + 1, timestamp + 12 s); <c>advance</c> moves time on.
/// Schema: spec/SPEC.md section 9.
/// </summary>
/// <param name="Op">supply, withdraw, borrow, repay, setUseAsCollateral, setPrice, accrueInterest, liquidate,
/// depositInsurance, setInsurancePolicy, realizeBadDebt, tripBreaker, isolateBreaker, resetBreaker, evaluateBreakers, advance.</param>
/// <param name="Account">The account (the borrower for liquidate, the depositor for depositInsurance).</param>
/// <param name="Liquidator">liquidate: the liquidator.</param>
/// <param name="Asset">The asset (the debt asset for liquidate).</param>
/// <param name="CollateralAsset">liquidate: the collateral seized.</param>
/// <param name="Amount">Token units (base 10) or "max"; liquidate: debtToCover.</param>
/// <param name="Use">setUseAsCollateral: the new flag.</param>
/// <param name="Seconds">advance: seconds added to the clock.</param>
/// <param name="Price">setPrice: the new price.</param>
/// <param name="BorrowIndex">accrueInterest: the new borrow index (RAY).</param>
/// <param name="SupplyIndex">accrueInterest: the new supply index (RAY).</param>
/// <param name="FeeToReservesBps">setInsurancePolicy: the share of protocol fees kept as reserves (the rest feeds the fund).</param>
public sealed record ScriptOp(
    string Op,
    int Account = 0,
    int Liquidator = 0,
    string? Asset = null,
    string? CollateralAsset = null,
    string? Amount = null,
    bool Use = false,
    ulong Seconds = 0,
    string? Price = null,
    string? BorrowIndex = null,
    string? SupplyIndex = null,
    uint FeeToReservesBps = 0)
{
    /// <summary>A one-line description for reports and replay output.</summary>
    public override string ToString() => Op switch
    {
        "supply" or "withdraw" or "borrow" or "repay" => $"{Op} account {Account} {Amount} {Asset}",
        "depositInsurance" => $"depositInsurance from {Account} {Amount} {Asset}",
        "setUseAsCollateral" => $"setUseAsCollateral account {Account} {Asset} {Use}",
        "setPrice" => $"setPrice {Asset} {Price}",
        "accrueInterest" => $"accrueInterest {Asset} borrowIndex {BorrowIndex} supplyIndex {SupplyIndex}",
        "liquidate" => $"liquidate by {Liquidator}: account {Account} debt {Asset} collateral {CollateralAsset} debtToCover {Amount}",
        "realizeBadDebt" => $"realizeBadDebt account {Account}",
        "setInsurancePolicy" => $"setInsurancePolicy {Asset} feeToReservesBps {FeeToReservesBps}",
        "advance" => $"advance {Seconds} s",
        _ => Op,
    };
}

/// <summary>The accounts of scripts: small numbers mapped to fixed addresses.</summary>
public static class ScriptAccounts
{
    /// <summary>Accounts 1..Count exist.</summary>
    public const int Count = 4;

    /// <summary>The address of account <paramref name="n"/>: 0x…ACC0 + n.</summary>
    public static Evm.Address Of(int n) => Evm.Address.FromUInt256((FixedPoint.UInt256)(0xACC0UL + (ulong)n));
}
