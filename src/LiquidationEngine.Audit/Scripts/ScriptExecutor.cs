using System.Numerics;
using LiquidationEngine.Audit.Config;
using LiquidationEngine.Audit.Model;
using LiquidationEngine.Engine;
using LiquidationEngine.Events;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Audit.Scripts;

/// <summary>
/// Runs script operations against a fresh <see cref="Market"/> built from an <see cref="AuditConfig"/> (assets listed
/// at block 1 in config order), keeping the reference model in step: the model applies an operation only after the
/// engine executed it.
/// </summary>
public sealed class ScriptExecutor
{
    private readonly AuditConfig _config;
    private readonly EventRecorder _events = new();
    private ReferenceModel _model;
    private ulong _number = 1, _timestamp = 1_700_000_000;

    /// <summary>Creates the market and lists the configured assets.</summary>
    public ScriptExecutor(AuditConfig config)
    {
        _config = config;
        Market = new Market(config.Options, _events);
        foreach (AuditAsset a in config.Assets)
            Market.ListAsset(new Block(_number, _timestamp), a.Config, a.Price);
        _model = ReferenceModel.Create(config);
    }

    /// <summary>The engine under audit.</summary>
    public Market Market { get; }

    /// <summary>Every event emitted so far.</summary>
    public EventRecorder Events => _events;

    internal ReferenceModel Model => _model;

    /// <summary>Executes one operation and describes what happened.</summary>
    /// <exception cref="AuditConfigException">The operation names an unknown asset or account, or has a malformed field.</exception>
    public Step Apply(ScriptOp op, int index)
    {
        if (op.Op == "advance") _timestamp += op.Seconds;
        var block = new Block(++_number, _timestamp += 12);
        ReferenceModel before = _model.Clone();
        var step = new Step(index, op, block, Market, before, _model)
        {
            HashBefore = Market.StateHash,
            BreakerBefore = Breaker(),
        };
        int events = _events.Events.Count;
        try
        {
            Execute(op, block, step);
        }
        catch (EvmRevertException e)
        {
            _model = before.Clone();
            step = new Step(index, op, block, Market, before, _model) { HashBefore = step.HashBefore, BreakerBefore = step.BreakerBefore, Revert = e };
        }
        _model.DropEmptyAccounts();
        step.HashAfter = Market.StateHash;
        step.BreakerAfter = Breaker();
        step.Events = _events.Events.Skip(events).Select(e => e.ToLog()).ToArray();
        return step;
    }

    private Breakers.BreakerState? Breaker() => _config.Options.Protection?.Breaker is null ? null : Market.GetBreakerState(Address.Zero);

    private void Execute(ScriptOp op, Block block, Step step)
    {
        Address account = Account(op.Account, "account");
        switch (op.Op)
        {
            case "supply":
            {
                int a = Asset(op.Asset);
                UInt256 amount = Amount(op);
                Market.Supply(block, account, Addr(a), amount);
                _model.Supply(op.Account, a, (BigInteger)amount);
                break;
            }
            case "withdraw":
            {
                int a = Asset(op.Asset);
                BigInteger balance = _model.SupplyBalance(op.Account, a);
                UInt256 amount = Amount(op);
                Market.Withdraw(block, account, Addr(a), amount);
                BigInteger x = amount == UInt256.MaxValue ? balance : (BigInteger)amount;
                _model.Withdraw(op.Account, a, x, x == balance);
                break;
            }
            case "borrow":
            {
                int a = Asset(op.Asset);
                UInt256 amount = Amount(op);
                Market.Borrow(block, account, Addr(a), amount);
                _model.Borrow(op.Account, a, (BigInteger)amount);
                break;
            }
            case "repay":
            {
                int a = Asset(op.Asset);
                BigInteger debt = _model.DebtBalance(op.Account, a);
                UInt256 amount = Amount(op);
                Market.Repay(block, account, Addr(a), amount);
                BigInteger x = amount == UInt256.MaxValue ? debt : (BigInteger)amount;
                _model.Repay(op.Account, a, x, x == debt);
                break;
            }
            case "setUseAsCollateral":
            {
                int a = Asset(op.Asset);
                Market.SetUseAsCollateral(block, account, Addr(a), op.Use);
                _model.SetUseAsCollateral(op.Account, a, op.Use);
                break;
            }
            case "setPrice":
            {
                int a = Asset(op.Asset);
                UInt256 price = Word(op.Price, "price");
                Market.SetPrice(block, Addr(a), price);
                _model.SetPrice(a, (BigInteger)price);
                break;
            }
            case "accrueInterest":
            {
                int a = Asset(op.Asset);
                UInt256 b = Word(op.BorrowIndex, "borrowIndex"), s = Word(op.SupplyIndex, "supplyIndex");
                Market.AccrueInterest(block, Addr(a), b, s);
                _model.AccrueInterest(a, (BigInteger)b, (BigInteger)s);
                break;
            }
            case "liquidate":
            {
                int d = Asset(op.Asset), c = Asset(op.CollateralAsset);
                BigInteger hf = _model.Values(op.Account).HealthFactor;
                LiquidationResult r = Market.Liquidate(block, Account(op.Liquidator, "liquidator"), account, Addr(d), Addr(c), Amount(op));
                step.Liquidation = r;
                step.ModelSeize = _model.Liquidate(op.Liquidator, op.Account, d, c, (BigInteger)r.DebtRepaid, _model.Bonus(c, hf));
                break;
            }
            case "depositInsurance":
            {
                int a = Asset(op.Asset);
                UInt256 amount = Amount(op);
                Market.DepositInsurance(block, account, Addr(a), amount);
                _model.DepositInsurance(op.Account, a, (BigInteger)amount);
                break;
            }
            case "setInsurancePolicy":
            {
                int a = Asset(op.Asset);
                Market.SetInsurancePolicy(block, Addr(a), UInt256.Zero, op.FeeToReservesBps);
                _model.Assets[a].FeeToReservesBps = op.FeeToReservesBps;
                break;
            }
            case "realizeBadDebt":
                Market.RealizeBadDebt(block, account);
                _model.RealizeBadDebt(op.Account);
                break;
            case "tripBreaker":
                Market.TripBreaker(block, Address.Zero);
                break;
            case "isolateBreaker":
                Market.IsolateBreaker(block, Address.Zero);
                break;
            case "resetBreaker":
                Market.ResetBreaker(block, Address.Zero);
                break;
            case "evaluateBreakers":
            case "advance":
                Market.EvaluateBreakers(block);
                break;
            default:
                throw new AuditConfigException("op", op.Op, "is not a known operation (see spec/SPEC.md section 9)");
        }
    }

    private Address Addr(int asset) => _config.Assets[asset].Address;

    private int Asset(string? symbol) => _config.IndexOf(symbol ?? throw new AuditConfigException("asset", null, "is required by this operation"));

    private static Address Account(int n, string field) => n is >= 0 and <= ScriptAccounts.Count
        ? ScriptAccounts.Of(n)
        : throw new AuditConfigException(field, $"{n}", $"must be an account number from 1 to {ScriptAccounts.Count}");

    private static UInt256 Amount(ScriptOp op) => op.Amount == "max" ? UInt256.MaxValue : Word(op.Amount, "amount");

    private static UInt256 Word(string? text, string field) => UInt256.TryParse(text, out UInt256 v)
        ? v
        : throw new AuditConfigException(field, text, "must be a base-10 whole number below 2^256");
}
