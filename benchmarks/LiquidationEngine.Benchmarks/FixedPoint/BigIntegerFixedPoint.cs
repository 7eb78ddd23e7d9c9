using System.Numerics;
using LiquidationEngine.Evm;

namespace LiquidationEngine.Benchmarks.FixedPoint;

/// <summary>
/// The baseline: the same checked semantics written the straightforward way on
/// <see cref="BigInteger"/>, as a C# port without a 256-bit type would do it.
/// </summary>
internal static class BigIntegerFixedPoint
{
    public static readonly BigInteger Max = (BigInteger.One << 256) - 1;
    private static readonly BigInteger Wad = BigInteger.Pow(10, 18);
    private static readonly BigInteger HalfWad = Wad / 2;
    private static readonly BigInteger Ray = BigInteger.Pow(10, 27);
    private static readonly BigInteger HalfRay = Ray / 2;

    public static BigInteger Add(BigInteger a, BigInteger b) => Check(a + b);

    public static BigInteger Mul(BigInteger a, BigInteger b) => Check(a * b);

    public static BigInteger Div(BigInteger a, BigInteger b) => b.IsZero ? throw EvmRevertException.ForPanic(PanicCode.DivisionByZero) : a / b;

    public static BigInteger MulDivCeil(BigInteger x, BigInteger y, BigInteger d)
    {
        if (d.IsZero) throw EvmRevertException.ForPanic(PanicCode.DivisionByZero);
        BigInteger q = BigInteger.DivRem(x * y, d, out BigInteger r);
        return Check(r.IsZero ? q : q + 1);
    }

    public static BigInteger WadMul(BigInteger a, BigInteger b)
    {
        if (!b.IsZero && a > (Max - HalfWad) / b) throw EvmRevertException.Empty("wadMul overflow");
        return (a * b + HalfWad) / Wad;
    }

    public static BigInteger RayMul(BigInteger a, BigInteger b)
    {
        if (!b.IsZero && a > (Max - HalfRay) / b) throw EvmRevertException.Empty("rayMul overflow");
        return (a * b + HalfRay) / Ray;
    }

    public static BigInteger RayDiv(BigInteger a, BigInteger b)
    {
        if (b.IsZero || a > (Max - b / 2) / Ray) throw EvmRevertException.Empty("rayDiv overflow");
        return (a * Ray + b / 2) / b;
    }

    public static BigInteger Rpow(BigInteger x, BigInteger n, BigInteger b)
    {
        if (x.IsZero) return n.IsZero ? b : BigInteger.Zero;
        BigInteger z = n.IsEven ? b : x;
        BigInteger half = b / 2;
        for (n /= 2; !n.IsZero; n /= 2)
        {
            BigInteger xx = x * x;
            if (xx > Max || xx + half > Max) throw EvmRevertException.Empty("rpow overflow");
            x = b.IsZero ? 0 : (xx + half) / b;
            if (!n.IsEven)
            {
                BigInteger zx = z * x;
                if (zx > Max || zx + half > Max) throw EvmRevertException.Empty("rpow overflow");
                z = b.IsZero ? 0 : (zx + half) / b;
            }
        }
        return z;
    }

    private static BigInteger Check(BigInteger value) =>
        value > Max ? throw EvmRevertException.ForPanic(PanicCode.ArithmeticOverflow) : value;
}
