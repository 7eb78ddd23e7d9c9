using System.Collections.Immutable;
using LiquidationEngine.Abi;
using LiquidationEngine.Accounts;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using LiquidationEngine.Markets;

namespace LiquidationEngine.Engine;

/// <summary>
/// An immutable snapshot of a <see cref="Market"/> (<see cref="Market.CaptureState"/>), restorable with
/// <see cref="Market.Restore"/>, with a canonical byte encoding (<see cref="Encode"/>, spec/SPEC.md "State
/// encoding") and its keccak-256 <see cref="Hash"/>. Equal states have equal encodings whatever the history.
/// </summary>
public sealed class EngineState
{
    private UInt256? _hash;

    internal EngineState(MarketOptions options, Block lastBlock, ImmutableArray<AssetState> assets, ImmutableArray<AccountState> accounts)
    {
        Options = options;
        LastBlock = lastBlock;
        Assets = assets;
        Accounts = accounts;
    }

    /// <summary>The market's options.</summary>
    public MarketOptions Options { get; }

    /// <summary>The block of the last successful operation (default before any).</summary>
    public Block LastBlock { get; }

    /// <summary>Every listed asset, in listing order (an asset's position is its id).</summary>
    public ImmutableArray<AssetState> Assets { get; }

    /// <summary>Every account with a balance or a collateral flag, by ascending address.</summary>
    public ImmutableArray<AccountState> Accounts { get; }

    /// <summary>The throttles, breakers and oracle guards (a private copy), when the market has protection options.</summary>
    internal Protection.MarketProtection? Protection { get; init; }

    /// <summary>The canonical encoding: a sequence of 32-byte big-endian words (spec/SPEC.md, "State encoding").</summary>
    public byte[] Encode() => StateEncoding.Encode(this);

    /// <summary>keccak256 of <see cref="Encode"/>, as a big-endian uint256 (a <c>bytes32</c>).</summary>
    public UInt256 Hash => _hash ??= Keccak256.HashToUInt256(Encode());
}

/// <summary>One account's non-empty positions in an <see cref="EngineState"/>.</summary>
/// <param name="Account">The account's address.</param>
/// <param name="Positions">Positions with a balance or a collateral flag, in asset listing order.</param>
public sealed record AccountState(Address Account, ImmutableArray<AccountPosition> Positions);
