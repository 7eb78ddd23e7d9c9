using System.Globalization;
using System.Numerics;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using LiquidationEngine.Audit.Config;

namespace LiquidationEngine.Tests.Invariants;

/// <summary>
/// Random valid audit configurations, as JSON read by <see cref="AuditConfigReader"/>: 2-4 assets of any decimals and
/// price scale, risk parameters within the engine's rules (LT x the largest bonus below 100%), fixed or target
/// close factor, fixed or variable bonus, a dust threshold or none, protection or none. The healing requirement is
/// set just above the largest LT x bonus, so INV-09 is checked and must hold.
/// </summary>
internal static class AuditConfigGen
{
    private sealed record AssetGen(int Decimals, BigInteger Price, int Lt, int Ltv, int BonusShare, int Fee);

    private static readonly Gen<AssetGen> Asset =
        from decimals in Gen.Elements(0, 6, 8, 18, 24)
        from m in Gen.Choose(1, 999)
        from e in Gen.Choose(3, 12)
        from lt in Gen.Choose(4_000, 9_500)
        from gap in Gen.Choose(50, 2_000)
        from bonusShare in Gen.Choose(0, 1_000)
        from fee in Gen.Elements(0, 500, 1_000, 5_000, 10_000)
        select new AssetGen(decimals, m * BigInteger.Pow(10, e), lt, Math.Max(0, lt - gap), bonusShare, fee);

    public static readonly Gen<AuditConfig> Configs =
        from assets in Gen.Choose(2, 4).SelectMany(n => Gen.ArrayOf(Asset, n))
        from target in Gen.Elements(false, true)
        from closeFactorBps in Gen.Choose(1, 10_000)
        from fullHfBps in Gen.Choose(0, 10_000)
        from targetBps in Gen.Choose(10_000, 12_000)
        from variable in Gen.Elements(false, true)
        from dust in Gen.Elements(0L, 100_000_000L, 10_000_000_000L)
        from throttle in Gen.Elements(false, true)
        from breaker in Gen.Elements(false, true)
        select Build(assets, target, closeFactorBps, fullHfBps, targetBps, variable, dust, throttle, breaker);

    private static AuditConfig Build(AssetGen[] assets, bool target, int cf, int fullHf, int targetBps, bool variable, long dust, bool throttle, bool breaker)
    {
        // The largest bonus every asset tolerates (LT x B < 1e8), at most 150%.
        int maxBonus = Math.Min(15_000, assets.Min(a => (100_000_000 - 1) / a.Lt));
        var json = new StringBuilder("{\"market\":{");
        json.Append(target ? $"\"closeFactor\":{{\"kind\":\"targetHealthFactor\",\"target\":\"{targetBps}00000000000000\"}}"
            : $"\"closeFactor\":{{\"kind\":\"fixed\",\"closeFactorBps\":{cf},\"fullCloseFactorHealthFactor\":\"{fullHf}00000000000000\"}}");
        int minBonus = 10_000 + (maxBonus - 10_000) / 3;
        json.Append(variable ? $",\"bonus\":{{\"kind\":\"variable\",\"minBonusBps\":{minBonus},\"maxBonusBps\":{maxBonus},\"healthFactorForMaxBonus\":\"900000000000000000\"}}" : "");
        json.Append($",\"dustThresholdBase\":\"{dust}\"}},\"assets\":[");
        BigInteger maxK = 0;
        for (int i = 0; i < assets.Length; i++)
        {
            AssetGen a = assets[i];
            int bonus = 10_000 + (maxBonus - 10_000) * a.BonusShare / 1_000;
            maxK = BigInteger.Max(maxK, (BigInteger)a.Lt * (variable ? maxBonus : bonus));
            json.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture,
                $"{{\"symbol\":\"A{i}\",\"decimals\":{a.Decimals},\"price\":\"{a.Price}\",\"ltvBps\":{a.Ltv},\"liquidationThresholdBps\":{a.Lt},\"liquidationBonusBps\":{bonus},\"protocolFeeBps\":{a.Fee}}}");
        }
        json.Append(']');
        if (throttle || breaker)
        {
            json.Append(",\"protection\":{");
            if (throttle) json.Append("\"throttle\":{\"capacity\":\"5000000000000\",\"refillPerSecond\":\"1000000000\",\"minimum\":\"10000000000\"}");
            if (breaker) json.Append(throttle ? "," : "").Append("\"breaker\":{\"velocityTrip\":2500,\"velocityReset\":1000,\"breakDurationSeconds\":600}");
            json.Append('}');
        }
        // k = LT x B / 1e8 (a ratio); the requirement sits 1% above it, capped at 1e18 (then no liquidation qualifies).
        BigInteger healing = BigInteger.Min(BigInteger.Pow(10, 18), maxK * 10_000_000_000 + 10_000_000_000_000_000);
        json.Append($",\"requirements\":{{\"healingHealthFactor\":\"{healing}\"}}}}");
        return AuditConfigReader.Parse(json.ToString());
    }
}
