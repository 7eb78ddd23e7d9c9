namespace LiquidationEngine.Breakers;

/// <summary>
/// A sliding window of a fixed number of equal buckets (Polly's SamplingDuration, made deterministic). At time t the
/// window is the bucket holding t plus the <c>BucketCount - 1</c> before it, so it spans between
/// <c>WindowSeconds - BucketSeconds</c> and <c>WindowSeconds</c> of history; buckets are aligned to multiples of
/// <see cref="BucketSeconds"/> from timestamp 0.
/// </summary>
/// <param name="WindowSeconds">Window length, seconds; a positive multiple of <paramref name="BucketCount"/>. Default 3600.</param>
/// <param name="BucketCount">Number of buckets, 1 to 256. Default 12 (5-minute buckets).</param>
public readonly record struct WindowOptions(ulong WindowSeconds, int BucketCount)
{
    /// <summary>Largest bucket count accepted.</summary>
    public const int MaxBucketCount = 256;

    /// <summary>One hour in 12 buckets of 5 minutes.</summary>
    public static WindowOptions Default => new(3_600, 12);

    /// <summary>Length of one bucket, seconds.</summary>
    public ulong BucketSeconds => WindowSeconds / (ulong)BucketCount;

    internal void Validate(string field)
    {
        if (BucketCount is < 1 or > MaxBucketCount)
            throw BreakerReverts.InvalidBreakerParameter(field + ".BucketCount", (ulong)(long)BucketCount, $"a window has 1 to {MaxBucketCount} buckets");
        if (WindowSeconds == 0 || WindowSeconds % (ulong)BucketCount != 0)
            throw BreakerReverts.InvalidBreakerParameter(field + ".WindowSeconds", WindowSeconds, $"the window must be a positive multiple of its {BucketCount} buckets");
    }
}
