using System.Numerics;
using LiquidationEngine.Engine;
using LiquidationEngine.Events;
using LiquidationEngine.Evm;
using LiquidationEngine.Markets;
using Xunit;
using static LiquidationEngine.Tests.Engine.Kit;

namespace LiquidationEngine.Tests.Solvency;

/// <summary>
/// An independent model of each asset's cash, insurance fund, reserves, backstop and bad-debt totals, driven only by
/// the events (and its own fee-split arithmetic), checking the waterfall order as it goes: a LossSocialized may only
/// follow once the asset's fund and backstop are empty, and every BadDebtRealized is covered to the wei by the steps
/// that follow it.
/// </summary>
internal sealed class SolvencyModel
{
    private sealed class Books
    {
        public BigInteger Cash, Fund, Reserves, Capacity, Realized, Insurance, Backstop, Socialized;
        public uint FeeToReservesBps;
        public Address Provider;
    }

    private readonly Dictionary<Address, Books> _books = [];
    private (Address Asset, BigInteger Amount, BigInteger Covered)? _open;

    public int Cuts, Freezes, InsuranceSteps, BackstopSteps, Realizations, OrderChecks;

    private Books Of(Address asset) => _books.TryGetValue(asset, out Books? b) ? b : _books[asset] = new Books();

    public void Apply(IEnumerable<EngineEvent> events)
    {
        foreach (EngineEvent e in events)
        {
            if (e is BadDebtRealizedEvent or not (InsuranceAbsorbedEvent or BackstopAbsorbedEvent or LossSocializedEvent))
                CloseRealisation();
            switch (e)
            {
                case SupplyEvent s: Of(s.Asset).Cash += Big(s.Amount); break;
                case RepayEvent r: Of(r.Asset).Cash += Big(r.Amount); break;
                case WithdrawEvent w: Of(w.Asset).Cash -= Big(w.Amount); break;
                case BorrowEvent b: Of(b.Asset).Cash -= Big(b.Amount); break;
                case LiquidationCallEvent l:
                {
                    Of(l.DebtAsset).Cash += Big(l.DebtRepaid);
                    Books c = Of(l.CollateralAsset);
                    BigInteger fee = Big(l.ProtocolFee), toReserves = fee * c.FeeToReservesBps / 10_000;
                    c.Cash -= Big(l.CollateralSeized) - fee;
                    c.Reserves += toReserves;
                    c.Fund += fee - toReserves;
                    break;
                }
                case InsuranceDepositedEvent d:
                    Of(d.Asset).Cash += Big(d.Amount);
                    Of(d.Asset).Fund += Big(d.Amount);
                    Assert.Equal(Of(d.Asset).Fund, Big(d.FundAfter));
                    break;
                case InsuranceWithdrawnEvent w:
                    Of(w.Asset).Cash -= Big(w.Amount);
                    Of(w.Asset).Fund -= Big(w.Amount);
                    Assert.Equal(Of(w.Asset).Fund, Big(w.FundAfter));
                    break;
                case InsurancePolicySetEvent p: Of(p.Asset).FeeToReservesBps = p.FeeToReservesBps; break;
                case BackstopSetEvent b:
                    Of(b.Asset).Provider = b.Provider;
                    Of(b.Asset).Capacity = Big(b.Capacity);
                    break;
                case BadDebtRealizedEvent r:
                    Realizations++;
                    Of(r.Asset).Realized += Big(r.Amount);
                    _open = (r.Asset, Big(r.Amount), 0);
                    break;
                case InsuranceAbsorbedEvent i:
                {
                    InsuranceSteps++;
                    Books b = Cover(i.Asset, Big(i.Amount));
                    b.Fund -= Big(i.Amount);
                    b.Insurance += Big(i.Amount);
                    Assert.Equal(b.Fund, Big(i.FundAfter));
                    break;
                }
                case BackstopAbsorbedEvent s:
                {
                    BackstopSteps++;
                    Books b = Cover(s.Asset, Big(s.Amount));
                    Assert.True(b.Fund.IsZero, "the backstop pays only once the fund is empty");
                    Assert.Equal(b.Provider, s.Provider);
                    b.Cash += Big(s.Amount);
                    b.Capacity -= Big(s.Amount);
                    b.Backstop += Big(s.Amount);
                    Assert.Equal(b.Capacity, Big(s.CapacityAfter));
                    break;
                }
                case LossSocializedEvent l:
                {
                    Books b = Cover(l.Asset, Big(l.Amount));
                    Assert.True(b.Fund.IsZero && b.Capacity.IsZero, $"socialised {l.Amount} of {l.Asset} while fund {b.Fund} / backstop {b.Capacity} had balance");
                    OrderChecks++;
                    b.Socialized += Big(l.Amount);
                    Assert.True(l.IndexAfter <= l.IndexBefore, "socialisation never raises the supply index");
                    if (l.IndexAfter < l.IndexBefore) Cuts++;
                    break;
                }
                case AssetFrozenEvent f:
                    Freezes++;
                    Of(f.Asset).Reserves -= Big(f.ReservesCharged);
                    break;
            }
        }
        CloseRealisation();
    }

    private Books Cover(Address asset, BigInteger amount)
    {
        Assert.True(_open is { } o && o.Asset == asset, "a waterfall step follows its BadDebtRealized");
        _open = (asset, _open!.Value.Amount, _open.Value.Covered + amount);
        return Of(asset);
    }

    private void CloseRealisation()
    {
        if (_open is { } o)
            Assert.Equal(o.Amount, o.Covered); // realised = insurance + backstop + socialised, to the wei
        _open = null;
    }

    /// <summary>The model agrees with the engine's state, term by term.</summary>
    public void AssertMatches(EngineState state)
    {
        foreach (AssetState a in state.Assets)
        {
            Books b = Of(a.Config.Asset);
            var s = a.Solvency;
            Assert.Equal((b.Cash, b.Fund, b.Reserves, b.Capacity), (Big(a.Cash), Big(s.InsuranceFund), Big(a.Reserves), Big(s.BackstopCapacity)));
            Assert.Equal((b.Realized, b.Insurance, b.Backstop, b.Socialized),
                (Big(s.BadDebtRealized), Big(s.InsuranceAbsorbed), Big(s.BackstopAbsorbed), Big(s.LossSocialized)));
        }
    }
}
