using LiquidationEngine.FixedPoint;
using LiquidationEngine.Markets;

namespace LiquidationEngine.Engine;

/// <summary>
/// The canonical state encoding (spec/SPEC.md, "State encoding"): 32-byte big-endian words, fixed order,
/// accounts by ascending address, positions by asset id, empty accounts and positions omitted; then the solvency
/// section (spec/SPEC.md section 6), omitted like them when no asset has solvency state, so earlier states keep their hashes.
/// </summary>
internal static class StateEncoding
{
    /// <summary>Bumped whenever the layout changes, so hashes of different layouts never collide.</summary>
    public const ulong Version = 1;

    private const int OptionWords = 9;
    private const int AssetWords = 16;
    private const int PositionWords = 4;
    private const int SolvencyWords = 10;

    public static byte[] Encode(EngineState state)
    {
        int words = 1 + OptionWords + 2 + 1 + state.Assets.Length * AssetWords + 1;
        foreach (AccountState account in state.Accounts)
            words += 2 + account.Positions.Length * PositionWords;
        int solvent = 0;
        foreach (AssetState asset in state.Assets)
            if (!asset.Solvency.IsDefault) solvent++;
        if (solvent > 0)
            words += 1 + solvent * SolvencyWords;
        // Optional sections exist only when configured, so a plain market's encoding (and hash) never changes.
        byte[] protection = state.Protection is null ? [] : Protection.ProtectionEncoding.Encode(state.Protection);
        var writer = new WordWriter(new byte[words * 32 + protection.Length]);
        protection.CopyTo(writer.Buffer, words * 32);

        writer.Write(Version);
        WriteOptions(ref writer, state.Options);
        writer.Write(state.LastBlock.Number);
        writer.Write(state.LastBlock.Timestamp);

        writer.Write((ulong)state.Assets.Length);
        foreach (AssetState asset in state.Assets)
            WriteAsset(ref writer, asset);

        writer.Write((ulong)state.Accounts.Length);
        foreach (AccountState account in state.Accounts)
        {
            writer.Write(account.Account.ToUInt256());
            writer.Write((ulong)account.Positions.Length);
            foreach (var position in account.Positions)
            {
                writer.Write((ulong)IndexOf(state, position.Asset));
                writer.Write(position.ScaledSupply);
                writer.Write(position.ScaledDebt);
                writer.Write(position.UsedAsCollateral ? 1UL : 0UL);
            }
        }

        if (solvent > 0)
        {
            writer.Write((ulong)solvent);
            for (int id = 0; id < state.Assets.Length; id++)
                if (!state.Assets[id].Solvency.IsDefault)
                    WriteSolvency(ref writer, id, state.Assets[id].Solvency);
        }
        return writer.Buffer;
    }

    private static void WriteOptions(ref WordWriter writer, MarketOptions options)
    {
        writer.Write(options.PriceDecimals);
        writer.Write(options.CloseFactor.Kind);
        writer.Write(options.CloseFactor.Parameter1);
        writer.Write(options.CloseFactor.Parameter2);
        writer.Write(options.Bonus.Kind);
        var variable = options.Bonus as VariableBonus;
        writer.Write(variable?.MinBonusBps ?? 0);
        writer.Write(variable?.MaxBonusBps ?? 0);
        writer.Write(variable?.HealthFactorForMaxBonus ?? UInt256.Zero);
        writer.Write(options.DustThresholdBase);
    }

    private static void WriteAsset(ref WordWriter writer, in AssetState asset)
    {
        RiskParameters risk = asset.Config.Risk;
        writer.Write(asset.Config.Asset.ToUInt256());
        writer.Write(asset.Config.Decimals);
        writer.Write(risk.LtvBps);
        writer.Write(risk.LiquidationThresholdBps);
        writer.Write(risk.LiquidationBonusBps);
        writer.Write(risk.ProtocolFeeBps);
        writer.Write((uint)risk.Flags);
        writer.Write(risk.SupplyCap);
        writer.Write(risk.BorrowCap);
        writer.Write(asset.Price);
        writer.Write(asset.SupplyIndex);
        writer.Write(asset.BorrowIndex);
        writer.Write(asset.TotalScaledSupply);
        writer.Write(asset.TotalScaledDebt);
        writer.Write(asset.Cash);
        writer.Write(asset.Reserves);
    }

    private static void WriteSolvency(ref WordWriter writer, int id, in Solvency.AssetSolvency books)
    {
        writer.Write((ulong)id);
        writer.Write(books.InsuranceFund);
        writer.Write(books.InsuranceFloor);
        writer.Write(books.FeeToReservesBps);
        writer.Write(books.BackstopProvider.ToUInt256());
        writer.Write(books.BackstopCapacity);
        writer.Write(books.BadDebtRealized);
        writer.Write(books.InsuranceAbsorbed);
        writer.Write(books.BackstopAbsorbed);
        writer.Write(books.LossSocialized);
    }

    private static int IndexOf(EngineState state, Evm.Address asset)
    {
        for (int i = 0; i < state.Assets.Length; i++)
            if (state.Assets[i].Config.Asset == asset) return i;
        throw new InvalidOperationException($"position in unlisted asset {asset}");
    }

    private struct WordWriter(byte[] buffer)
    {
        private int _offset;

        public readonly byte[] Buffer => buffer;

        public void Write(UInt256 value)
        {
            value.WriteBigEndian(buffer.AsSpan(_offset, 32));
            _offset += 32;
        }
    }
}
