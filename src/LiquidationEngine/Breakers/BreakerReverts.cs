using LiquidationEngine.Abi;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using E = LiquidationEngine.Breakers.BreakerErrors;

namespace LiquidationEngine.Breakers;

/// <summary>Builds the reverts of <see cref="BreakerErrors"/>: exact revert data, and a message naming the values and what went wrong.</summary>
internal static class BreakerReverts
{
    public static EvmRevertException LiquidationThrottled(UInt256 available, UInt256 secondsUntilMinimum) =>
        Raise(E.LiquidationThrottled, secondsUntilMinimum == UInt256.MaxValue
            ? $"the throttle holds {available} and will not reach the minimum liquidation at its current capacity"
            : $"the throttle holds {available}, less than the minimum liquidation, for {secondsUntilMinimum} more second(s)",
            available, secondsUntilMinimum);

    public static EvmRevertException LiquidationBelowMinimum(UInt256 notional, UInt256 minimum) =>
        Raise(E.LiquidationBelowMinimum, $"a liquidation of {notional} is below the minimum {minimum} and does not take all the account allows", notional, minimum);

    public static EvmRevertException OracleStale(Address asset, UInt256 age, ulong maxAge) =>
        Raise(E.OracleStale, $"the price of {asset} is {age} s old, above its maximum age of {maxAge} s", asset, age);

    public static EvmRevertException OracleGracePeriod(Address asset, ulong allowedFrom) =>
        Raise(E.OracleGracePeriod, $"the oracle of {asset} recovered from an outage; only accounts below the emergency floor until timestamp {allowedFrom}", asset, allowedFrom);

    public static EvmRevertException LiquidationsPaused(Address scope, in BreakerState state) =>
        Raise(E.LiquidationsPaused, $"the {Describe(scope)} breaker is {state.State}; only accounts below the emergency floor can be liquidated", scope, (ulong)state.State, Until(state));

    public static EvmRevertException BorrowsPaused(Address scope, in BreakerState state) =>
        Raise(E.BorrowsPaused, $"the {Describe(scope)} breaker is {state.State}; new borrows are paused", scope, (ulong)state.State, Until(state));

    public static EvmRevertException InvalidBreakerTransition(CircuitState from, CircuitState to) =>
        Raise(E.InvalidBreakerTransition, $"the guardian cannot move a breaker from {from} to {to}", (ulong)from, (ulong)to);

    public static EvmRevertException InvalidThrottleParameter(string field, UInt256 value, string rule) =>
        Raise(E.InvalidThrottleParameter, $"ThrottleOptions.{field}: {rule}", field, value);

    public static EvmRevertException InvalidBreakerParameter(string field, UInt256 value, string rule) =>
        Raise(E.InvalidBreakerParameter, $"{field}: {rule}", field, value);

    private static UInt256 Until(in BreakerState state) => state.State == CircuitState.Isolated ? UInt256.MaxValue : state.OpenUntil;

    private static string Describe(Address scope) => scope.IsZero ? "market-wide" : $"{scope}";

    private static EvmRevertException Raise(CustomError error, string explanation, params ReadOnlySpan<AbiValue> arguments)
    {
        EvmRevertException revert = error.Create(arguments);
        return new EvmRevertException(revert.RevertData.Span, $"{revert.Message}: {explanation}");
    }
}
