using System.Text.RegularExpressions;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Profiles.AaveV3;
using Xunit;
using static LiquidationEngine.Tests.Profiles.ProfileAssert;

namespace LiquidationEngine.Tests.Profiles;

/// <summary>The README's keeper example: it compiles (it is <see cref="AaveKeeper"/>), finds the right liquidation, and is the README's code.</summary>
public class KeeperExampleTests
{
    private static readonly AaveV3Reserve Eth = new() { Price = U("200000000000"), Decimals = 18, LtvBps = 8000, LiquidationThresholdBps = 8250, UsedAsCollateral = true };
    private static readonly AaveV3Reserve Wbtc = new() { Price = U("3000000000000"), Decimals = 8, LtvBps = 7000, LiquidationThresholdBps = 7500, UsedAsCollateral = true };
    private static readonly AaveV3Reserve Usdc = new() { Price = U("100000000"), Decimals = 6, LtvBps = 7500, LiquidationThresholdBps = 8000 };
    private static readonly (ushort BonusBps, ushort FeeBps)[] Terms = [(10500, 1000), (11000, 1000), (10450, 1000)];

    [Fact]
    public void Keeper_picks_the_collateral_with_the_best_profit()
    {
        AaveV3Reserve[] healthy = [Eth with { CollateralBalance = U("10000000000000000000") }, Wbtc, Usdc with { DebtBalance = U("10000000000") }];
        // 1 ETH ($2000) + 0.05 WBTC ($1500) against 3000 USDC: avg LT 7928 bps, HF 0.9249 -> close factor 100%.
        AaveV3Reserve[] underwater =
        [
            Eth with { CollateralBalance = U("1000000000000000000") },
            Wbtc with { CollateralBalance = U("5000000") },
            Usdc with { DebtBalance = U("3000000000") },
        ];
        Equal("924933333333333333", AaveV3Profile.UserAccountData(underwater).HealthFactor);

        AaveOpportunity? best = AaveKeeper.FindBest([healthy, underwater], Terms);

        // ETH (5% bonus): all 1 ETH for 1904761905 USDC, profit $85.71; WBTC (10% bonus): all 0.05 BTC minus a
        // 45455-sat fee for 1363636364 USDC: 4954545 sat x $30000 - $1363.636364 = $122.727136 (8 decimals).
        Assert.NotNull(best);
        Assert.Equal((1, 1, 2), (best.Value.Account, best.Value.Collateral, best.Value.Debt));
        Equal("4954545", best.Value.Quote.CollateralToLiquidator);
        Equal("1363636364", best.Value.Quote.DebtAmountNeeded);
        Equal("45455", best.Value.Quote.ProtocolFee);
        Equal("12272713600", best.Value.ProfitBase);

        Assert.Null(AaveKeeper.FindBest([healthy], Terms));
    }

    [Fact]
    public void The_readme_shows_this_code()
    {
        string source = File.ReadAllText(FindUp("tests/LiquidationEngine.Tests/Profiles/KeeperExample.cs"));
        string code = source[(source.IndexOf('\n') + 1)..].Trim(); // without the namespace line
        string readme = new[] { "README.md" }.Select(FindUpOrNull).OfType<string>()
            .Select(File.ReadAllText).FirstOrDefault(t => t.Contains("class AaveKeeper", StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException("README.md does not show the keeper example (class AaveKeeper)");
        Match block = Regex.Match(readme, "```csharp\n(?<code>(?:(?!```).)*class AaveKeeper(?:(?!```).)*)```", RegexOptions.Singleline);
        Assert.True(block.Success, "no ```csharp block with class AaveKeeper");
        Assert.Equal(code.ReplaceLineEndings("\n"), block.Groups["code"].Value.Trim().ReplaceLineEndings("\n"));
    }

    private static string FindUp(string relative) =>
        FindUpOrNull(relative) ?? throw new FileNotFoundException($"{relative} not found above {AppContext.BaseDirectory}");

    private static string? FindUpOrNull(string relative)
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
