using LiquidationEngine.Engine;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Keepers;
using LiquidationEngine.Markets;
using LiquidationEngine.Risk;
using LiquidationEngine.Simulation.Amm;
using LiquidationEngine.Simulation.Feeds;
using LiquidationEngine.Simulation.Paths;
using LiquidationEngine.Simulation.Positions;
using LiquidationEngine.Simulation.Randomness;
using LiquidationEngine.Simulation.Scenarios;
using LiquidationEngine.Solvency;

namespace LiquidationEngine.Simulation.Running;

/// <summary>
/// Everything a run mutates, built at block 0 from a scenario and a protection set: the engine's market (with the
/// set's <c>MarketOptions.Protection</c>, the stablecoin's insurance fund deposited and the positions opened), a
/// pool, an oracle and a reference path per collateral asset, and the keeper's scanner mirroring the book.
/// Scanner and market asset order: 0 is the stablecoin, 1 + i is collateral asset i.
/// </summary>
internal sealed class SimulationWorld
{
    private const ulong RandomStreamPaths = 1, RandomStreamPositions = 2;

    public SimulationWorld(Scenario scenario, ProtectionSet protection)
    {
        Scenario = scenario;
        int assets = scenario.Collateral.Length;
        DebtAsset = SimAddress.Asset(0);
        CollateralAssets = [.. Enumerable.Range(1, assets).Select(SimAddress.Asset)];
        var random = new SplitMix64(scenario.Seed);
        SplitMix64 pathRandom = random.Fork(RandomStreamPaths);
        Paths = [.. scenario.Collateral.Select((c, i) => BuildPath(c, scenario, pathRandom.Fork((ulong)i)))];
        Pools = [.. scenario.Collateral.Select((c, i) => BuildPool(c, scenario.Debt, i))];
        Feeds = [.. scenario.Collateral.Select(c => new OracleFeed(c.Oracle, c.Price, scenario.StartTimestamp))];
        SourceHistory = [.. scenario.Collateral.Select(c => new ulong[scenario.Blocks])];
        for (int i = 0; i < assets; i++)
            SourceHistory[i][0] = scenario.Collateral[i].Price;
        Positions = scenario.ImportedPositions.IsDefaultOrEmpty
            ? PositionGenerator.Generate(scenario.Positions,
                [.. scenario.Collateral.Select(c => new GeneratorAsset(c.Price, c.Decimals, c.LiquidationThresholdBps))],
                scenario.Debt.Decimals, random.Fork(RandomStreamPositions))
            : [.. scenario.ImportedPositions];
        Accounts = [.. Enumerable.Range(0, Positions.Length).Select(SimAddress.Borrower)];
        Protection = protection;
        Market = new Market(scenario.Market.Options with { Protection = scenario.Protections.For(protection, CollateralAssets) });
        Scanner = new LiquidationScanner(Positions.Length,
            [new ScannerAsset(scenario.Debt.Decimals, 0, 0), .. scenario.Collateral.Select(c => new ScannerAsset(c.Decimals, c.LtvBps, c.LiquidationThresholdBps))]);
        OpenMarket();
        Changes.PriceChanged(); // everyone starts with a full scan
    }

    public Scenario Scenario { get; }

    public ProtectionSet Protection { get; }

    public Market Market { get; }

    public Address DebtAsset { get; }

    public Address[] CollateralAssets { get; }

    public PricePath[] Paths { get; }

    public ConstantProductPool[] Pools { get; }

    public OracleFeed[] Feeds { get; }

    /// <summary>The oracle sources' price per asset and block (what a lagging feed observes later).</summary>
    public ulong[][] SourceHistory { get; }

    public PositionSpec[] Positions { get; }

    public Address[] Accounts { get; }

    public LiquidationScanner Scanner { get; }

    /// <summary>The book's change log: see <see cref="BookChanges"/>.</summary>
    public BookChanges Changes { get; } = new();

    /// <summary>
    /// An oracle publication: the market gets every one, a heartbeat at an unchanged price included (its oracle guard
    /// measures staleness from it); the scanner and readers only price changes.
    /// </summary>
    public void PublishCollateralPrice(Block block, int collateralIndex, ulong price)
    {
        Market.SetPrice(block, CollateralAssets[collateralIndex], price);
        if (Scanner.GetPrice(1 + collateralIndex) == (UInt256)price)
            return;
        Scanner.SetPrice(1 + collateralIndex, price);
        Changes.PriceChanged();
    }

    /// <summary>The engine's books of the stablecoin (bad debt, insurance, socialised loss), token units.</summary>
    public AssetSolvencyReport DebtSolvency() => Market.GetSolvencyReport(DebtAsset);

    public Block BlockAt(int block) => new((ulong)block, Scenario.StartTimestamp + (ulong)block * Scenario.BlockSeconds);

    /// <summary>
    /// What <see cref="LiquidationMath.Quote"/> needs to liquidate an account's collateral against its stablecoin debt,
    /// from the keeper's book (the same numbers the market would use), offering <paramref name="debtToCover"/>.
    /// </summary>
    public LiquidationInputs LiquidationInputsFor(int account, UInt256 debtToCover)
    {
        int c = Positions[account].CollateralIndex;
        CollateralSpec spec = Scenario.Collateral[c];
        return new LiquidationInputs(
            Scanner.AccountData(account), Scanner.GetDebt(account, 0), SimUnits.PriceOne, Scenario.Debt.Decimals,
            Scanner.GetCollateral(account, 1 + c), Scanner.GetPrice(1 + c), spec.Decimals,
            spec.LiquidationThresholdBps, spec.LiquidationBonusBps, spec.ProtocolFeeBps, debtToCover);
    }

    /// <summary>Copies an account's balances from the market into the scanner.</summary>
    public void Refresh(int account)
    {
        Changes.AccountChanged(account);
        PositionSpec p = Positions[account];
        Address collateral = CollateralAssets[p.CollateralIndex];
        Scanner.SetAccount(account, 0, UInt256.Zero, Market.GetDebtBalance(Accounts[account], DebtAsset));
        Scanner.SetAccount(account, 1 + p.CollateralIndex,
            Market.IsUsedAsCollateral(Accounts[account], collateral) ? Market.GetSupplyBalance(Accounts[account], collateral) : UInt256.Zero, UInt256.Zero);
    }

    private static PricePath BuildPath(CollateralSpec c, Scenario s, SplitMix64 random) => c.Path.Points.IsDefaultOrEmpty
        ? PricePathBuilder.FromPreset(c.Path.Preset, c.Price, s.Blocks, s.BlockSeconds, c.Path.ScaleBps, c.Path.NoiseBps, random)
        : PricePathBuilder.FromPoints(c.Path.Points, s.Blocks, s.BlockSeconds);

    private static ConstantProductPool BuildPool(CollateralSpec c, DebtAssetSpec debt, int index)
    {
        UInt256 collateral = FullMath.MulDiv(c.Pool.DepthValue, SimUnits.Pow10(c.Decimals), c.Price, Rounding.Floor);
        UInt256 stable = FullMath.MulDiv(c.Pool.DepthValue, SimUnits.Pow10(debt.Decimals), SimUnits.PriceOne, Rounding.Floor);
        try
        {
            return new ConstantProductPool(collateral, stable, c.Pool.FeeBps, c.Decimals, debt.Decimals);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new ScenarioException($"collateral[{index}].pool.depthUsd", DecimalText.Format(c.Pool.DepthValue, SimUnits.PriceDecimals),
                $"gives pool reserves outside 1 to 2^112 - 1 token units ({e.ParamName})");
        }
    }

    // Block 0: list the assets, let a lender fund the stablecoin side, open every position.
    private void OpenMarket()
    {
        Block start = BlockAt(0);
        Scenario s = Scenario;
        Market.ListAsset(start, new AssetConfig(DebtAsset, s.Debt.Decimals, new RiskParameters(0, 0, SimUnits.BpsOne, 0, AssetFlags.BorrowingEnabled)), SimUnits.PriceOne);
        Scanner.SetPrice(0, SimUnits.PriceOne);
        for (int i = 0; i < CollateralAssets.Length; i++)
        {
            CollateralSpec c = s.Collateral[i];
            var risk = new RiskParameters(c.LtvBps, c.LiquidationThresholdBps, c.LiquidationBonusBps, c.ProtocolFeeBps, AssetFlags.CollateralEnabled);
            Market.ListAsset(start, new AssetConfig(CollateralAssets[i], c.Decimals, risk), c.Price);
            Scanner.SetPrice(1 + i, c.Price);
        }

        UInt256 totalDebt = UInt256.Zero;
        foreach (PositionSpec p in Positions)
            totalDebt += p.DebtAmount;
        if (!totalDebt.IsZero)
            Market.Supply(start, SimAddress.Lender, DebtAsset, totalDebt);
        UInt256 insurance = FullMath.MulDiv(s.Market.InsuranceFund, SimUnits.Pow10(s.Debt.Decimals), SimUnits.PriceOne, Rounding.Floor);
        if (!insurance.IsZero)
            Market.DepositInsurance(start, SimAddress.Lender, DebtAsset, insurance);
        for (int i = 0; i < Positions.Length; i++)
        {
            PositionSpec p = Positions[i];
            try
            {
                Market.Supply(start, Accounts[i], CollateralAssets[p.CollateralIndex], p.CollateralAmount);
                if (!p.DebtAmount.IsZero)
                    Market.Borrow(start, Accounts[i], DebtAsset, p.DebtAmount);
            }
            catch (EvmRevertException e)
            {
                throw new ScenarioException($"positions[{i}]", null, $"cannot be opened: the engine reverted with {e.Message}");
            }
            Refresh(i);
        }
    }
}
