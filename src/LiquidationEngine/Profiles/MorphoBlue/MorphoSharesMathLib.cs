using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Profiles.MorphoBlue;

/// <summary>
/// Twin of Morpho Blue <c>SharesMathLib</c> (<c>@morpho-org/morpho-blue</c> 1.0.0): conversions between assets and
/// shares through a virtual 1e6 shares and 1 asset, which keep the first depositor from manipulating the share price.
/// Each is one <see cref="MorphoMathLib"/> call, so it reverts exactly as that call does (<c>Panic(0x11)</c> on a
/// product overflow; totals are checked sums).
/// </summary>
public static class MorphoSharesMathLib
{
    /// <summary><c>VIRTUAL_SHARES = 1e6</c>.</summary>
    public static UInt256 VirtualShares => 1_000_000UL;

    /// <summary><c>VIRTUAL_ASSETS = 1</c>.</summary>
    public static UInt256 VirtualAssets => UInt256.One;

    /// <summary><c>assets.mulDivDown(totalShares + 1e6, totalAssets + 1)</c>.</summary>
    /// <exception cref="EvmRevertException"><c>Panic(0x11)</c> on overflow.</exception>
    public static UInt256 ToSharesDown(UInt256 assets, UInt256 totalAssets, UInt256 totalShares) =>
        MorphoMathLib.MulDivDown(assets, totalShares + VirtualShares, totalAssets + VirtualAssets);

    /// <summary><c>shares.mulDivDown(totalAssets + 1, totalShares + 1e6)</c>.</summary>
    /// <exception cref="EvmRevertException"><c>Panic(0x11)</c> on overflow.</exception>
    public static UInt256 ToAssetsDown(UInt256 shares, UInt256 totalAssets, UInt256 totalShares) =>
        MorphoMathLib.MulDivDown(shares, totalAssets + VirtualAssets, totalShares + VirtualShares);

    /// <summary><c>assets.mulDivUp(totalShares + 1e6, totalAssets + 1)</c>.</summary>
    /// <exception cref="EvmRevertException"><c>Panic(0x11)</c> on overflow.</exception>
    public static UInt256 ToSharesUp(UInt256 assets, UInt256 totalAssets, UInt256 totalShares) =>
        MorphoMathLib.MulDivUp(assets, totalShares + VirtualShares, totalAssets + VirtualAssets);

    /// <summary><c>shares.mulDivUp(totalAssets + 1, totalShares + 1e6)</c>.</summary>
    /// <exception cref="EvmRevertException"><c>Panic(0x11)</c> on overflow.</exception>
    public static UInt256 ToAssetsUp(UInt256 shares, UInt256 totalAssets, UInt256 totalShares) =>
        MorphoMathLib.MulDivUp(shares, totalAssets + VirtualAssets, totalShares + VirtualShares);
}
