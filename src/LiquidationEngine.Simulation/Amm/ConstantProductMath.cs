using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Simulation.Amm;

/// <summary>
/// Uniswap V2's <c>UniswapV2Library.getAmountOut</c> and <c>getAmountIn</c> with the fee as a parameter. With
/// <c>feeBps = 30</c> the results are Uniswap V2's to the wei: its 997/1000 becomes 9970/10000, the same ratio with
/// numerator and denominator both scaled by 10, so every floor is the same.
/// </summary>
/// <remarks>Reverts like the library: <c>Error(string)</c> with its messages; checked arithmetic gives
/// <c>Panic(0x11)</c> on overflow (Solidity 0.8; V2's SafeMath reverted with a string instead).</remarks>
public static class ConstantProductMath
{
    /// <summary>Parts of 10 000 in a fee.</summary>
    public const uint BpsOne = 10_000;

    /// <summary>The Uniswap V2 fee, bps (0.3%).</summary>
    public const uint UniswapV2FeeBps = 30;

    /// <summary>
    /// Output for an exact input: <c>floor(in * (10000 - fee) * reserveOut / (reserveIn * 10000 + in * (10000 - fee)))</c>.
    /// </summary>
    /// <param name="amountIn">Tokens paid in, token units of the input side.</param>
    /// <param name="reserveIn">The pool's reserve of the input token.</param>
    /// <param name="reserveOut">The pool's reserve of the output token.</param>
    /// <param name="feeBps">Swap fee, bps, below 10 000.</param>
    /// <exception cref="EvmRevertException"><c>UniswapV2Library: INSUFFICIENT_INPUT_AMOUNT</c>,
    /// <c>UniswapV2Library: INSUFFICIENT_LIQUIDITY</c>, Panic(0x11).</exception>
    public static UInt256 GetAmountOut(UInt256 amountIn, UInt256 reserveIn, UInt256 reserveOut, uint feeBps)
    {
        CheckFee(feeBps);
        if (amountIn.IsZero)
            throw EvmRevertException.ForError("UniswapV2Library: INSUFFICIENT_INPUT_AMOUNT");
        if (reserveIn.IsZero || reserveOut.IsZero)
            throw EvmRevertException.ForError("UniswapV2Library: INSUFFICIENT_LIQUIDITY");
        UInt256 amountInWithFee = amountIn * (BpsOne - feeBps);
        UInt256 numerator = amountInWithFee * reserveOut;
        UInt256 denominator = reserveIn * BpsOne + amountInWithFee;
        return numerator / denominator;
    }

    /// <summary>
    /// Input needed for an exact output: <c>floor(reserveIn * out * 10000 / ((reserveOut - out) * (10000 - fee))) + 1</c>.
    /// </summary>
    /// <param name="amountOut">Tokens wanted out, token units of the output side; below <paramref name="reserveOut"/>.</param>
    /// <param name="reserveIn">The pool's reserve of the input token.</param>
    /// <param name="reserveOut">The pool's reserve of the output token.</param>
    /// <param name="feeBps">Swap fee, bps, below 10 000.</param>
    /// <exception cref="EvmRevertException"><c>UniswapV2Library: INSUFFICIENT_OUTPUT_AMOUNT</c>,
    /// <c>UniswapV2Library: INSUFFICIENT_LIQUIDITY</c>, Panic(0x11) (also for <c>amountOut &gt; reserveOut</c>),
    /// Panic(0x12) for <c>amountOut = reserveOut</c>.</exception>
    public static UInt256 GetAmountIn(UInt256 amountOut, UInt256 reserveIn, UInt256 reserveOut, uint feeBps)
    {
        CheckFee(feeBps);
        if (amountOut.IsZero)
            throw EvmRevertException.ForError("UniswapV2Library: INSUFFICIENT_OUTPUT_AMOUNT");
        if (reserveIn.IsZero || reserveOut.IsZero)
            throw EvmRevertException.ForError("UniswapV2Library: INSUFFICIENT_LIQUIDITY");
        UInt256 numerator = reserveIn * amountOut * BpsOne;
        UInt256 denominator = (reserveOut - amountOut) * (BpsOne - feeBps);
        return numerator / denominator + UInt256.One;
    }

    private static void CheckFee(uint feeBps)
    {
        if (feeBps >= BpsOne)
            throw new ArgumentOutOfRangeException(nameof(feeBps), feeBps, "the swap fee must be below 10000 bps");
    }
}
