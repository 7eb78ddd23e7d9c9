using LiquidationEngine.Abi;

namespace LiquidationEngine.Breakers;

/// <summary>
/// Every custom error of the throttles, circuit breakers and oracle guards, declared once (like Morpho Blue's
/// ErrorsLib). Revert data is the 4-byte selector (keccak256 of the canonical signature) followed by the
/// ABI-encoded arguments; spec/SPEC.md section 7 lists each with its selector. Use <see cref="CustomError.Matches"/> and
/// <see cref="CustomError.Decode"/> to read revert data.
/// </summary>
public static class BreakerErrors
{
    /// <summary>The throttle holds less than the minimum liquidation; <c>secondsUntilMinimum</c> is the exact wait (2^256 - 1: never at the current scale).</summary>
    public static readonly CustomError LiquidationThrottled = new("LiquidationThrottled(uint256 available, uint256 secondsUntilMinimum)");

    /// <summary>A liquidation below the minimum size that does not take all the account allows.</summary>
    public static readonly CustomError LiquidationBelowMinimum = new("LiquidationBelowMinimum(uint256 notional, uint256 minimum)");

    /// <summary>A price the operation depends on is older than its maximum age (seconds).</summary>
    public static readonly CustomError OracleStale = new("OracleStale(address asset, uint256 age)");

    /// <summary>The grace period after an oracle outage is running; <c>allowedFrom</c> is the first timestamp it allows the operation.</summary>
    public static readonly CustomError OracleGracePeriod = new("OracleGracePeriod(address asset, uint256 allowedFrom)");

    /// <summary>A breaker (scope: an asset, or the zero address for the market) pauses liquidations; <c>until</c> is the end of the break (2^256 - 1 while Isolated).</summary>
    public static readonly CustomError LiquidationsPaused = new("LiquidationsPaused(address scope, uint8 state, uint256 until)");

    /// <summary>A breaker pauses new borrows; arguments as <see cref="LiquidationsPaused"/>.</summary>
    public static readonly CustomError BorrowsPaused = new("BorrowsPaused(address scope, uint8 state, uint256 until)");

    /// <summary>A guardian action that does not apply to the breaker's state (states as <see cref="CircuitState"/> numbers).</summary>
    public static readonly CustomError InvalidBreakerTransition = new("InvalidBreakerTransition(uint8 from, uint8 to)");

    /// <summary>A <c>ThrottleOptions</c> field out of range.</summary>
    public static readonly CustomError InvalidThrottleParameter = new("InvalidThrottleParameter(string field, uint256 value)");

    /// <summary>A breaker or oracle-guard option out of range (field is the option's path, e.g. <c>PriceFallBps.Reset</c>).</summary>
    public static readonly CustomError InvalidBreakerParameter = new("InvalidBreakerParameter(string field, uint256 value)");
}
