using System.Numerics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Benchmarks.FixedPoint;

/// <summary>
/// UInt256 against the BigInteger baseline with identical checked semantics, one category per
/// operation so every ratio is against its own baseline in the same run.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class FixedPointBenchmarks
{
    // Realistic magnitudes: token amounts in wei, WAD/RAY factors, and full-width values where the
    // 512-bit path of mulDiv is the point.
    private readonly UInt256 _a = UInt256.Parse("123456789012345678901234567890");
    private readonly UInt256 _b = UInt256.Parse("987654321098765432109876543");
    private readonly UInt256 _wide = UInt256.Parse("0xfedcba9876543210fedcba9876543210fedcba9876543210fedcba98765432");
    private readonly UInt256 _divisor = UInt256.Parse("0x123456789abcdef0123456789abcdef0123");
    private readonly UInt256 _rate = UInt256.Parse("1000000001547125957863212448"); // ~5% a year per second, RAY
    private readonly UInt256 _seconds = 31_536_000;
    private readonly UInt256 _ray = UInt256.Parse("1000000000000000000000000000");

    private BigInteger _ba, _bb, _bwide, _bdivisor, _brate, _bseconds, _bray;

    [GlobalSetup]
    public void Setup()
    {
        _ba = (BigInteger)_a; _bb = (BigInteger)_b; _bwide = (BigInteger)_wide; _bdivisor = (BigInteger)_divisor;
        _brate = (BigInteger)_rate; _bseconds = (BigInteger)_seconds; _bray = (BigInteger)_ray;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("add")] public BigInteger AddBigInteger() => BigIntegerFixedPoint.Add(_ba, _bb);
    [Benchmark, BenchmarkCategory("add")] public UInt256 AddUInt256() => _a + _b;

    [Benchmark(Baseline = true), BenchmarkCategory("mul")] public BigInteger MulBigInteger() => BigIntegerFixedPoint.Mul(_ba, _bb);
    [Benchmark, BenchmarkCategory("mul")] public UInt256 MulUInt256() => _a * _b;

    [Benchmark(Baseline = true), BenchmarkCategory("div")] public BigInteger DivBigInteger() => BigIntegerFixedPoint.Div(_bwide, _bdivisor);
    [Benchmark, BenchmarkCategory("div")] public UInt256 DivUInt256() => _wide / _divisor;

    [Benchmark(Baseline = true), BenchmarkCategory("mulDiv")] public BigInteger MulDivBigInteger() => BigIntegerFixedPoint.MulDivCeil(_bwide, _bb, _bdivisor);
    [Benchmark, BenchmarkCategory("mulDiv")] public UInt256 MulDivUInt256() => FullMath.MulDiv(_wide, _b, _divisor, Rounding.Ceil);

    // Added case, same inputs: a 2-limb denominator (RAY = 1e27, 90 bits) on the same 512-bit product, next to the
    // 3-limb _divisor above; 2-limb denominators are the common real-world case.
    [Benchmark(Baseline = true), BenchmarkCategory("mulDiv2LimbDenominator")] public BigInteger MulDivRayBigInteger() => BigIntegerFixedPoint.MulDivCeil(_bwide, _bb, _bray);
    [Benchmark, BenchmarkCategory("mulDiv2LimbDenominator")] public UInt256 MulDivRayUInt256() => FullMath.MulDiv(_wide, _b, _ray, Rounding.Ceil);

    [Benchmark(Baseline = true), BenchmarkCategory("wadMul")] public BigInteger WadMulBigInteger() => BigIntegerFixedPoint.WadMul(_ba, _bb);
    [Benchmark, BenchmarkCategory("wadMul")] public UInt256 WadMulUInt256() => WadRayMath.WadMul(_a, _b);

    // Added case, same inputs as wadMul: division by the constant RAY (2 limbs) instead of WAD (1 limb).
    [Benchmark(Baseline = true), BenchmarkCategory("rayMul")] public BigInteger RayMulBigInteger() => BigIntegerFixedPoint.RayMul(_ba, _bb);
    [Benchmark, BenchmarkCategory("rayMul")] public UInt256 RayMulUInt256() => WadRayMath.RayMul(_a, _b);

    [Benchmark(Baseline = true), BenchmarkCategory("rayDiv")] public BigInteger RayDivBigInteger() => BigIntegerFixedPoint.RayDiv(_ba, _bb);
    [Benchmark, BenchmarkCategory("rayDiv")] public UInt256 RayDivUInt256() => WadRayMath.RayDiv(_a, _b);

    [Benchmark(Baseline = true), BenchmarkCategory("rpow")] public BigInteger RpowBigInteger() => BigIntegerFixedPoint.Rpow(_brate, _bseconds, _bray);
    [Benchmark, BenchmarkCategory("rpow")] public UInt256 RpowUInt256() => MakerMath.Rpow(_rate, _seconds, _ray);
}
