using System.Numerics;

namespace LiquidationEngine.Audit.Model;

/// <summary>An exact non-negative rational, for the SPEC 4.6 rounding band.</summary>
internal readonly record struct Fraction(BigInteger Num, BigInteger Den) : IComparable<Fraction>
{
    public static Fraction Of(BigInteger num, BigInteger den) => new(num, den);

    public static implicit operator Fraction(int n) => new(n, 1);

    public static Fraction operator +(Fraction a, Fraction b) => new(a.Num * b.Den + b.Num * a.Den, a.Den * b.Den);

    public static Fraction operator -(Fraction a, Fraction b) => new(a.Num * b.Den - b.Num * a.Den, a.Den * b.Den);

    public static Fraction operator *(Fraction a, Fraction b) => new(a.Num * b.Num, a.Den * b.Den);

    public static Fraction operator /(Fraction a, Fraction b) => new(a.Num * b.Den, a.Den * b.Num);

    public static bool operator >(Fraction a, Fraction b) => a.CompareTo(b) > 0;

    public static bool operator <(Fraction a, Fraction b) => a.CompareTo(b) < 0;

    public static bool operator >=(Fraction a, Fraction b) => a.CompareTo(b) >= 0;

    public static bool operator <=(Fraction a, Fraction b) => a.CompareTo(b) <= 0;

    public static Fraction Max(Fraction a, Fraction b) => a >= b ? a : b;

    public int CompareTo(Fraction other) => (Num * other.Den).CompareTo(other.Num * Den);

    /// <summary>Six decimals, rounded down (exact integer arithmetic; for messages only).</summary>
    public override string ToString()
    {
        if (Den.IsZero) return "undefined";
        BigInteger whole = BigInteger.DivRem(Num, Den, out BigInteger rest);
        string digits = (rest * 1_000_000 / Den).ToString("D6", System.Globalization.CultureInfo.InvariantCulture).TrimEnd('0');
        return digits.Length == 0 ? whole.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{whole}.{digits}";
    }
}
