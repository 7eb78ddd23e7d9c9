using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Markets;

/// <summary>
/// Market-wide settings, fixed when the market is created (validated by the <c>Market</c> constructor,
/// which reverts with a named custom error on an invalid value).
/// </summary>
public sealed record MarketOptions
{
    /// <summary>
    /// Decimals of every price and base-currency value (8 = prices in units of 10^-8 of the base currency, as
    /// Chainlink USD feeds); at most 36. Values: value(base) = amount x price / 10^tokenDecimals.
    /// </summary>
    public byte PriceDecimals { get; init; } = 8;

    /// <summary>How much of a debt one liquidation may repay. Default: <see cref="FixedCloseFactor"/> (50%, 100% at or below HF 0.95).</summary>
    public CloseFactorPolicy CloseFactor { get; init; } = new FixedCloseFactor();

    /// <summary>The liquidation bonus. Default: <see cref="FixedBonus"/> (each collateral asset's configured bonus).</summary>
    public BonusPolicy Bonus { get; init; } = new FixedBonus();

    /// <summary>
    /// Dust rule, in base-currency units (price decimals): when a liquidation limited by the close factor would
    /// leave less debt value than this in the debt asset, it may repay the whole debt instead. 0 disables the rule.
    /// </summary>
    public UInt256 DustThresholdBase { get; init; }

    /// <summary>
    /// Liquidation throttles, circuit breakers and oracle guards (spec/SPEC.md section 7); null (the default) for none, in
    /// which case the market behaves and hashes exactly as without this option.
    /// </summary>
    public Protection.ProtectionOptions? Protection { get; init; }

    /// <summary>The most assets a market can list (one bit each in an account's position masks).</summary>
    public const int MaxAssets = 128;
}
