using System.Numerics;
using System.Text;
using LiquidationEngine.Abi;
using LiquidationEngine.Engine;
using LiquidationEngine.Events;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Markets;
using LiquidationEngine.Tests.Support;
using Xunit;

namespace LiquidationEngine.Tests.Engine;

/// <summary>
/// Shared fixtures for engine tests: addresses, a reference set of assets with round numbers (so expected values
/// can be computed by hand), and assertions that build expected revert data from the signature text and
/// hand-encoded words (not from the library's error declarations).
/// </summary>
internal static class Kit
{
    public static readonly Address Weth = Addr(0xE7E7);
    public static readonly Address Usdc = Addr(0x05DC);
    public static readonly Address Wbtc = Addr(0xB7C0);
    public static readonly Address Dai = Addr(0xDA10);
    public static readonly Address Alice = Addr(0xA11CE);
    public static readonly Address Bob = Addr(0xB0B);
    public static readonly Address Keeper = Addr(0x4EE9);

    public const ulong Wad = 1_000_000_000_000_000_000UL;
    public static readonly BigInteger Ray = BigInteger.Pow(10, 27);

    /// <summary>Prices with 8 decimals: $2000, $1, $60 000, $1.</summary>
    public static readonly UInt256 WethPrice = 2000_0000_0000UL, UsdcPrice = 1_0000_0000UL, WbtcPrice = 60_000_0000_0000UL, DaiPrice = 1_0000_0000UL;

    public static readonly AssetFlags Both = AssetFlags.CollateralEnabled | AssetFlags.BorrowingEnabled;

    /// <summary>WETH: 18 decimals, LTV 80%, LT 82.5%, bonus 5%, fee 10% of the bonus.</summary>
    public static AssetConfig WethConfig => new(Weth, 18, new RiskParameters(8000, 8250, 10500, 1000, Both));

    /// <summary>USDC: 6 decimals, LTV 75%, LT 80%, bonus 4%, fee 10% of the bonus.</summary>
    public static AssetConfig UsdcConfig => new(Usdc, 6, new RiskParameters(7500, 8000, 10400, 1000, Both));

    /// <summary>WBTC: 8 decimals, LTV 70%, LT 75%, bonus 10%, fee 20% of the bonus.</summary>
    public static AssetConfig WbtcConfig => new(Wbtc, 8, new RiskParameters(7000, 7500, 11000, 2000, Both));

    /// <summary>DAI: 18 decimals, borrow only (LTV = LT = 0).</summary>
    public static AssetConfig DaiConfig => new(Dai, 18, new RiskParameters(0, 0, 10000, 0, AssetFlags.BorrowingEnabled));

    public static Address Addr(ulong n) => Address.FromUInt256(n);

    public static UInt256 U(string literal) => U256.From(literal);

    public static UInt256 U(BigInteger value) => U256.From(value);

    public static BigInteger Big(UInt256 value) => U256.ToBig(value);

    /// <summary>Block n at 12-second spacing.</summary>
    public static Block B(ulong n) => new(n, 1_700_000_000UL + 12 * n);

    /// <summary>WETH, USDC and WBTC listed at block 1 with the reference prices.</summary>
    public static Market ListedMarket(EventRecorder? events = null, MarketOptions? options = null)
    {
        var market = new Market(options ?? new MarketOptions(), events);
        market.ListAsset(B(1), WethConfig, WethPrice);
        market.ListAsset(B(1), UsdcConfig, UsdcPrice);
        market.ListAsset(B(1), WbtcConfig, WbtcPrice);
        events?.Clear();
        return market;
    }

    /// <summary>
    /// Bob supplies 1 000 000 USDC of liquidity; Alice supplies 10 WETH ($20 000) and borrows 12 000 USDC:
    /// collateral 2e12, debt 1.2e12 (base units, 8 decimals), HF = 2e12 x 8250 x 1e14 / 1.2e12 = 1.375e18.
    /// </summary>
    public static Market AliceBorrowing(EventRecorder? events = null, MarketOptions? options = null)
    {
        Market market = ListedMarket(events, options);
        market.Supply(B(2), Bob, Usdc, 1_000_000_000_000UL);
        market.Supply(B(2), Alice, Weth, 10 * Wad);
        market.Borrow(B(2), Alice, Usdc, 12_000_000_000UL);
        events?.Clear();
        return market;
    }

    /// <summary>"0x" + selector(signature) + one 32-byte word per argument, from the text of the signature.</summary>
    public static string ErrorHex(string signature, params object[] args)
    {
        byte[] hash = Keccak256.Hash(Encoding.ASCII.GetBytes(signature));
        var hex = new StringBuilder("0x").Append(Convert.ToHexString(hash, 0, 4).ToLowerInvariant());
        foreach (object arg in args)
            hex.Append(Word(arg));
        return hex.ToString();
    }

    /// <summary>The 64-hex-digit ABI word of an address, a bool or a non-negative integer.</summary>
    public static string Word(object arg)
    {
        BigInteger value = arg switch
        {
            Address a => Big(a.ToUInt256()),
            bool b => b ? 1 : 0,
            UInt256 u => Big(u),
            BigInteger i => i,
            ulong l => l,
            uint i => i,
            int i => i,
            byte b => b,
            _ => throw new ArgumentException($"no ABI word for {arg.GetType().Name}"),
        };
        string digits = value.IsZero ? "0" : value.ToString("x").TrimStart('0');
        return digits.PadLeft(64, '0');
    }

    /// <summary>
    /// Asserts the operation reverts with exactly <paramref name="expectedHex"/> and that neither the state hash nor
    /// the recorded events change.
    /// </summary>
    public static EvmRevertException AssertRevertsAtomically(Market market, string expectedHex, Action operation, EventRecorder? events = null)
    {
        UInt256 before = market.StateHash;
        byte[] encodedBefore = market.CaptureState().Encode();
        int eventsBefore = events?.Events.Count ?? 0;
        EvmRevertException revert = EvmAssert.Reverts(expectedHex, operation);
        Assert.Equal(before, market.StateHash);
        Assert.Equal(encodedBefore, market.CaptureState().Encode());
        Assert.Equal(eventsBefore, events?.Events.Count ?? 0);
        return revert;
    }
}
