using System.Numerics;
using LiquidationEngine.Tests.Support;

namespace LiquidationEngine.Tests.FixedPoint;

/// <summary>
/// An independent <see cref="BigInteger"/> model of every fixed-point function, transcribed from the Solidity
/// sources (not from the C# under test), INCLUDING where and with which data they revert: <see cref="Sol"/> is
/// checked Solidity 0.8 arithmetic (<c>Panic(0x11)</c>/<c>Panic(0x12)</c>), <see cref="Yul"/> the wrapping EVM opcodes
/// used by inline assembly. A revert is a thrown <see cref="ModelRevert"/>; run a model with <see cref="EvmOutcome.OfModel"/>.
/// </summary>
public static class ReferenceModel
{
    private static readonly BigInteger Modulus = BigInteger.One << 256;
    private static readonly BigInteger Max = Modulus - 1;
    private static readonly BigInteger Wad = BigInteger.Pow(10, 18), HalfWad = Wad / 2;
    private static readonly BigInteger Ray = BigInteger.Pow(10, 27), HalfRay = Ray / 2;
    private static readonly BigInteger WadRayRatio = BigInteger.Pow(10, 9);
    private static readonly BigInteger PercentageFactor = 10_000, HalfPercentageFactor = 5_000;

    /// <summary>Checked Solidity 0.8 uint256 operators.</summary>
    public static class Sol
    {
        public static BigInteger Add(BigInteger a, BigInteger b) => a + b > Max ? throw ModelRevert.Overflow() : a + b;
        public static BigInteger Sub(BigInteger a, BigInteger b) => a < b ? throw ModelRevert.Overflow() : a - b;
        public static BigInteger Mul(BigInteger a, BigInteger b) => a * b > Max ? throw ModelRevert.Overflow() : a * b;
        public static BigInteger Div(BigInteger a, BigInteger b) => b.IsZero ? throw ModelRevert.DivisionByZero() : a / b;
        public static BigInteger Mod(BigInteger a, BigInteger b) => b.IsZero ? throw ModelRevert.DivisionByZero() : a % b;
    }

    /// <summary>EVM opcodes as Yul names them: wrap modulo 2^256, <c>div</c>/<c>mod</c> by 0 give 0, predicates give 1 or 0.</summary>
    public static class Yul
    {
        public static readonly BigInteger NotZero = Max; // not(0)
        public static BigInteger Add(BigInteger a, BigInteger b) => (a + b) % Modulus;
        public static BigInteger Sub(BigInteger a, BigInteger b) => ((a - b) % Modulus + Modulus) % Modulus;
        public static BigInteger Mul(BigInteger a, BigInteger b) => a * b % Modulus;
        public static BigInteger Div(BigInteger a, BigInteger b) => b.IsZero ? 0 : a / b;
        public static BigInteger Mod(BigInteger a, BigInteger b) => b.IsZero ? 0 : a % b;
        public static BigInteger MulMod(BigInteger a, BigInteger b, BigInteger n) => n.IsZero ? 0 : a * b % n;
        public static BigInteger IsZero(BigInteger a) => a.IsZero ? 1 : 0;
        public static BigInteger Gt(BigInteger a, BigInteger b) => a > b ? 1 : 0;
        public static BigInteger Lt(BigInteger a, BigInteger b) => a < b ? 1 : 0;
        public static BigInteger Eq(BigInteger a, BigInteger b) => a == b ? 1 : 0;
        public static BigInteger Or(BigInteger a, BigInteger b) => a | b;
        public static BigInteger And(BigInteger a, BigInteger b) => a & b;
        public static BigInteger Shl(int shift, BigInteger a) => shift >= 256 ? 0 : (a << shift) % Modulus;
        public static BigInteger Shr(int shift, BigInteger a) => shift >= 256 ? 0 : a >> shift;

        /// <summary><c>if cond { revert(0, 0) }</c>.</summary>
        public static void RevertIf(BigInteger condition)
        {
            if (!condition.IsZero) throw ModelRevert.Empty();
        }
    }

    // ---- OpenZeppelin 5.x Math.mulDiv(x, y, denominator, rounding) ----

    /// <summary>
    /// <c>mulDiv(x, y, denominator) + SafeCast.toUint(unsignedRoundsUp(rounding) &amp;&amp; mulmod(x, y, denominator) &gt; 0)</c>,
    /// where the 3-argument mulDiv is: <c>(high, low) = mul512(x, y); if (high == 0) return low / denominator;</c>
    /// <c>if (denominator &lt;= high) Panic.panic(ternary(denominator == 0, DIVISION_BY_ZERO, UNDER_OVERFLOW));</c> then the exact
    /// 512-by-256 quotient. <paramref name="rounding"/> is the enum's ordinal; unsignedRoundsUp is <c>rounding % 2 == 1</c>.
    /// </summary>
    public static BigInteger MulDiv(BigInteger x, BigInteger y, BigInteger denominator, int rounding)
    {
        BigInteger product = x * y;
        BigInteger high = product >> 256, low = product & Max;
        BigInteger result;
        if (high.IsZero)
        {
            result = Sol.Div(low, denominator);
        }
        else
        {
            if (denominator <= high)
                throw denominator.IsZero ? ModelRevert.DivisionByZero() : ModelRevert.Overflow();
            result = product / denominator;
        }
        bool roundsUp = rounding % 2 == 1;
        return Sol.Add(result, roundsUp && Yul.MulMod(x, y, denominator) > 0 ? 1 : 0);
    }

    // ---- Aave V3 WadRayMath / PercentageMath (inline assembly, revert(0, 0)) ----

    public static BigInteger WadMul(BigInteger a, BigInteger b) => AaveMul(a, b, HalfWad, Wad);

    public static BigInteger WadDiv(BigInteger a, BigInteger b) => AaveDiv(a, b, Wad);

    public static BigInteger RayMul(BigInteger a, BigInteger b) => AaveMul(a, b, HalfRay, Ray);

    public static BigInteger RayDiv(BigInteger a, BigInteger b) => AaveDiv(a, b, Ray);

    public static BigInteger PercentMul(BigInteger value, BigInteger percentage) => AaveMul(value, percentage, HalfPercentageFactor, PercentageFactor);

    public static BigInteger PercentDiv(BigInteger value, BigInteger percentage) => AaveDiv(value, percentage, PercentageFactor);

    /// <summary>
    /// <c>b := div(a, WAD_RAY_RATIO)</c>, <c>let remainder := mod(a, WAD_RAY_RATIO)</c>,
    /// <c>if iszero(lt(remainder, div(WAD_RAY_RATIO, 2))) { b := add(b, 1) }</c>.
    /// </summary>
    public static BigInteger RayToWad(BigInteger a)
    {
        BigInteger b = Yul.Div(a, WadRayRatio);
        BigInteger remainder = Yul.Mod(a, WadRayRatio);
        if (!Yul.IsZero(Yul.Lt(remainder, Yul.Div(WadRayRatio, 2))).IsZero) b = Yul.Add(b, 1);
        return b;
    }

    /// <summary><c>b := mul(a, WAD_RAY_RATIO)</c>, <c>if iszero(eq(div(b, WAD_RAY_RATIO), a)) { revert(0, 0) }</c>.</summary>
    public static BigInteger WadToRay(BigInteger a)
    {
        BigInteger b = Yul.Mul(a, WadRayRatio);
        Yul.RevertIf(Yul.IsZero(Yul.Eq(Yul.Div(b, WadRayRatio), a)));
        return b;
    }

    // wadMul/rayMul/percentMul: if iszero(or(iszero(b), iszero(gt(a, div(sub(not(0), HALF), b))))) { revert(0, 0) }
    //                           c := div(add(mul(a, b), HALF), UNIT)
    private static BigInteger AaveMul(BigInteger a, BigInteger b, BigInteger half, BigInteger unit)
    {
        Yul.RevertIf(Yul.IsZero(Yul.Or(Yul.IsZero(b), Yul.IsZero(Yul.Gt(a, Yul.Div(Yul.Sub(Yul.NotZero, half), b))))));
        return Yul.Div(Yul.Add(Yul.Mul(a, b), half), unit);
    }

    // wadDiv/rayDiv/percentDiv: if or(iszero(b), iszero(iszero(gt(a, div(sub(not(0), div(b, 2)), UNIT))))) { revert(0, 0) }
    //                           c := div(add(mul(a, UNIT), div(b, 2)), b)
    private static BigInteger AaveDiv(BigInteger a, BigInteger b, BigInteger unit)
    {
        Yul.RevertIf(Yul.Or(Yul.IsZero(b), Yul.IsZero(Yul.IsZero(Yul.Gt(a, Yul.Div(Yul.Sub(Yul.NotZero, Yul.Div(b, 2)), unit))))));
        return Yul.Div(Yul.Add(Yul.Mul(a, unit), Yul.Div(b, 2)), b);
    }

    // ---- Morpho Blue MathLib (checked Solidity) ----

    /// <summary><c>return (x * y) / d;</c></summary>
    public static BigInteger MulDivDown(BigInteger x, BigInteger y, BigInteger d) => Sol.Div(Sol.Mul(x, y), d);

    /// <summary><c>return (x * y + (d - 1)) / d;</c></summary>
    public static BigInteger MulDivUp(BigInteger x, BigInteger y, BigInteger d) => Sol.Div(Sol.Add(Sol.Mul(x, y), Sol.Sub(d, 1)), d);

    public static BigInteger WMulDown(BigInteger x, BigInteger y) => MulDivDown(x, y, Wad);

    public static BigInteger WDivDown(BigInteger x, BigInteger y) => MulDivDown(x, Wad, y);

    public static BigInteger WDivUp(BigInteger x, BigInteger y) => MulDivUp(x, Wad, y);

    // ---- MakerDAO dss rpow (jug.sol, inline assembly) ----

    /// <summary>Transcribed from the <c>optimized version from dss PR #78</c> in abaci.sol (the C# twin follows jug.sol;
    /// the two must agree): <c>switch n case 0 { z := b } default { switch x case 0 { z := 0 } default { ...
    /// if shr(128, x) { revert(0,0) } ... } }</c>.</summary>
    public static BigInteger Rpow(BigInteger x, BigInteger n, BigInteger b)
    {
        if (n.IsZero) return b;
        if (x.IsZero) return 0;
        BigInteger z = Yul.Mod(n, 2).IsZero ? b : x;
        BigInteger half = Yul.Div(b, 2);
        for (n = Yul.Div(n, 2); !n.IsZero; n = Yul.Div(n, 2))
        {
            BigInteger xx = Yul.Mul(x, x);
            Yul.RevertIf(Yul.Shr(128, x));
            BigInteger xxRound = Yul.Add(xx, half);
            Yul.RevertIf(Yul.Lt(xxRound, xx));
            x = Yul.Div(xxRound, b);
            if (!Yul.Mod(n, 2).IsZero)
            {
                BigInteger zx = Yul.Mul(z, x);
                Yul.RevertIf(Yul.And(Yul.IsZero(Yul.IsZero(x)), Yul.IsZero(Yul.Eq(Yul.Div(zx, x), z))));
                BigInteger zxRound = Yul.Add(zx, half);
                Yul.RevertIf(Yul.Lt(zxRound, zx));
                z = Yul.Div(zxRound, b);
            }
        }
        return z;
    }
}
