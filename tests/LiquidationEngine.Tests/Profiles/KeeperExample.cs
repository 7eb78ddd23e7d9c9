namespace LiquidationEngine.Tests.Profiles;

using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Profiles.AaveV3;

/// <summary>A keeper's best Aave V3 liquidation: whom to liquidate, which collateral to take, which debt to repay.</summary>
public readonly record struct AaveOpportunity(int Account, int Collateral, int Debt, AaveV3LiquidationQuote Quote, UInt256 ProfitBase);

public static class AaveKeeper
{
    /// <summary>
    /// Scans accounts (each a user's reserves as read from chain), quotes every (collateral, debt) pair of the
    /// liquidatable ones exactly as Aave would execute it, and returns the most profitable in base currency.
    /// <paramref name="terms"/> holds each reserve's liquidation bonus and protocol fee, indexed like the reserves.
    /// </summary>
    public static AaveOpportunity? FindBest(IReadOnlyList<AaveV3Reserve[]> accounts, ReadOnlySpan<(ushort BonusBps, ushort FeeBps)> terms)
    {
        AaveOpportunity? best = null;
        for (int a = 0; a < accounts.Count; a++)
        {
            AaveV3Reserve[] reserves = accounts[a];
            AaveV3AccountData account = AaveV3Profile.UserAccountData(reserves);
            if (account.HealthFactor >= AaveV3Profile.HealthFactorLiquidationThreshold) continue;

            for (int c = 0; c < reserves.Length; c++)
            {
                AaveV3Reserve collateral = reserves[c];
                if (!collateral.UsedAsCollateral || collateral.LiquidationThresholdBps == 0 || collateral.CollateralBalance.IsZero) continue;
                for (int d = 0; d < reserves.Length; d++)
                {
                    AaveV3Reserve debt = reserves[d];
                    if (debt.DebtBalance.IsZero) continue;
                    AaveV3LiquidationQuote quote;
                    try
                    {
                        quote = AaveV3Profile.LiquidationQuote(new AaveV3LiquidationInput
                        {
                            HealthFactor = account.HealthFactor,
                            UserTotalDebt = debt.DebtBalance,
                            DebtToCover = UInt256.MaxValue, // as much as the close factor allows
                            CollateralBalance = collateral.CollateralBalance,
                            CollateralPrice = collateral.Price,
                            CollateralDecimals = collateral.Decimals,
                            DebtPrice = debt.Price,
                            DebtDecimals = debt.Decimals,
                            LiquidationBonusBps = terms[c].BonusBps,
                            ProtocolFeeBps = terms[c].FeeBps,
                        });
                    }
                    catch (EvmRevertException)
                    {
                        continue; // the chain would revert this liquidationCall too
                    }

                    UInt256 received = FullMath.MulDiv(quote.CollateralToLiquidator, collateral.Price, AaveV3Profile.TokenUnit(collateral.Decimals), Rounding.Floor);
                    UInt256 paid = FullMath.MulDiv(quote.DebtAmountNeeded, debt.Price, AaveV3Profile.TokenUnit(debt.Decimals), Rounding.Ceil);
                    if (received > paid && (best is null || received - paid > best.Value.ProfitBase))
                        best = new AaveOpportunity(a, c, d, quote, received - paid);
                }
            }
        }
        return best;
    }
}
