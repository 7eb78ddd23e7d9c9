using LiquidationEngine.FixedPoint;
using LiquidationEngine.Risk;

namespace LiquidationEngine.Simulation.Running;

/// <summary>
/// Collateral value within 10% of its liquidation price: accounts whose exact health factor is below 1.1 (for one
/// collateral asset, HF = price / liquidation price), valued at the oracle prices. A price change rescans every
/// account (the scanner's fast path); otherwise only the accounts that changed are re-valued.
/// </summary>
internal sealed class NearLiquidationTracker(SimulationWorld world, UInt256 thresholdWad)
{
    private readonly UInt256[] _contribution = new UInt256[world.Positions.Length];
    private BookChanges.Cursor _cursor;
    private UInt256 _total;

    public UInt256 Value()
    {
        if (_cursor.NeedsFullScan(world.Changes))
        {
            Array.Clear(_contribution);
            _total = UInt256.Zero;
            foreach (int account in world.Scanner.Scan(thresholdWad))
                Add(account, ValueOf(account));
        }
        else
        {
            foreach (int account in _cursor.TakeChanged(world.Changes))
            {
                _total -= _contribution[account];
                _contribution[account] = UInt256.Zero;
                if (world.Scanner.HealthFactor(account) < thresholdWad)
                    Add(account, ValueOf(account));
            }
        }
        return _total;
    }

    private void Add(int account, UInt256 value)
    {
        _contribution[account] = value;
        _total += value;
    }

    private UInt256 ValueOf(int account)
    {
        int asset = 1 + world.Positions[account].CollateralIndex;
        return Valuation.ValueDown(world.Scanner.GetCollateral(account, asset), world.Scanner.GetPrice(asset), world.Scenario.Collateral[asset - 1].Decimals);
    }
}
