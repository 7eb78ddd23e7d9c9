using System.Runtime.CompilerServices;

namespace LiquidationEngine.FixedPoint;

/// <summary>
/// EVM opcode semantics for transcribing inline assembly line by line: everything wraps modulo 2^256 and
/// <c>div</c>/<c>mod</c> by zero give 0 instead of reverting (Yellow Paper, appendix H).
/// </summary>
internal static class Yul
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 Add(UInt256 a, UInt256 b) => UInt256.WrappingAdd(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 Sub(UInt256 a, UInt256 b) => UInt256.WrappingSub(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 Mul(UInt256 a, UInt256 b) => UInt256.WrappingMul(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 Div(UInt256 a, UInt256 b) => b.IsZero ? UInt256.Zero : a / b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 Mod(UInt256 a, UInt256 b) => b.IsZero ? UInt256.Zero : a % b;

    /// <summary><c>not(0)</c>, 2^256 - 1.</summary>
    public static UInt256 NotZero => UInt256.MaxValue;
}
