using LiquidationEngine.FixedPoint;
using LiquidationEngine.Profiles.MakerLiq2;
using LiquidationEngine.Tests.Support;
using Xunit;
using static LiquidationEngine.Tests.Profiles.ProfileAssert;

namespace LiquidationEngine.Tests.Profiles;

/// <summary>
/// MakerDAO Liquidations 2.0 profile against hand-computed numbers. Vault: 10 ETH, 15,000 DAI of normalised debt at
/// rate 1.05 (15,750 DAI owed), spot $1000 (ETH $1500 at 150%): unsafe. Units: WAD 1e18, RAY 1e27, RAD 1e45.
/// </summary>
public class MakerLiq2ProfileTests
{
    private const string Rad = "000000000000000000000000000000000000000000000"; // 45 zeros

    private static readonly MakerBarkInput Vault = new()
    {
        Ink = U("10000000000000000000"), Art = U("15000000000000000000000"), Rate = U("1050000000000000000000000000"),
        Spot = U("1000000000000000000000000000000"), Dust = U("10000" + Rad), Chop = U("1130000000000000000"),
        GlobalHole = U("100000000" + Rad), GlobalDirt = 0, IlkHole = U("50000000" + Rad), IlkDirt = 0,
        Tip = U("300" + Rad), Chip = U("1000000000000000"),
    };

    [Fact]
    public void Bark_liquidates_the_whole_vault_when_there_is_room()
    {
        // due = 15000 x 1.05 = 15,750 DAI; tab = due x 1.13 = 17,797.5 DAI; coin = 300 + 0.1% x tab = 317.7975 DAI.
        MakerBarkResult r = MakerDog.Bark(Vault);
        Equal("10000000000000000000", r.Dink);
        Equal("15000000000000000000000", r.Dart);
        Equal("15750" + Rad, r.Due);
        Equal("177975" + Rad[..^1], r.Tab);
        Equal("3177975" + Rad[..^4], r.Coin);
        Equal("177975" + Rad[..^1], r.GlobalDirt);
        Equal("177975" + Rad[..^1], r.IlkDirt);
    }

    [Fact]
    public void Bark_liquidates_partially_when_the_ilk_hole_is_short()
    {
        // room 12,000 DAI: dart = 12000e45 x 1e18 / 1.05e27 / 1.13e18 = 10113780025284450063211 (floors at each step);
        // the remaining (art - dart) x rate = 5130.53 DAI is above a 1,000 DAI dust, so the vault keeps it.
        MakerBarkResult r = MakerDog.Bark(Vault with { IlkHole = U("12000" + Rad), Dust = U("1000" + Rad) });
        Equal("10113780025284450063211", r.Dart);
        Equal("6742520016856300042", r.Dink);                                           // 10 ETH x dart / art
        Equal("10619469026548672566371550000000000000000000000000", r.Due);
        Equal("11999999999999999999999851500000000000000000000000", r.Tab);              // just under the room
        Equal("311999999999999999999999851500000000000000000000", r.Coin);
    }

    [Fact]
    public void Bark_takes_the_whole_vault_rather_than_leave_dust()
    {
        // Same room, but the 5130.53 DAI remainder is below a 6,000 DAI dust: the whole vault goes.
        MakerBarkResult r = MakerDog.Bark(Vault with { IlkHole = U("12000" + Rad), Dust = U("6000" + Rad) });
        Equal("15000000000000000000000", r.Dart);
        Equal("177975" + Rad[..^1], r.IlkDirt); // beyond the 12,000 hole: dss accepts the excess
    }

    [Fact]
    public void Bark_reverts_with_dog_reasons()
    {
        EvmAssert.Reverts(ErrorHex("Dog/not-unsafe"), () => MakerDog.Bark(Vault with { Spot = U("1575000000000000000000000000000") })); // ink x spot == art x rate
        EvmAssert.Reverts(ErrorHex("Dog/not-unsafe"), () => MakerDog.Bark(Vault with { Spot = 0 }));
        EvmAssert.Reverts(ErrorHex("Dog/liquidation-limit-hit"), () => MakerDog.Bark(Vault with { GlobalDirt = Vault.GlobalHole }));
        EvmAssert.Reverts(ErrorHex("Dog/liquidation-limit-hit"), () => MakerDog.Bark(Vault with { IlkDirt = U("60000000" + Rad) }));
        // room 500 DAI with a 1,000 DAI dust: the partial auction itself would be dusty.
        EvmAssert.Reverts(ErrorHex("Dog/dusty-auction-from-partial-liquidation"),
            () => MakerDog.Bark(Vault with { IlkHole = U("500" + Rad), Dust = U("1000" + Rad) }));
        // 1 wei of collateral against a partial dart: dink = 1 x dart / art = 0.
        EvmAssert.Reverts(ErrorHex("Dog/null-auction"),
            () => MakerDog.Bark(Vault with { Ink = 1, IlkHole = U("12000" + Rad), Dust = 0 }));
        // chop 0: division by zero, an INVALID in Solidity 0.6 (empty revert data).
        EvmAssert.Reverts(EvmAssert.EmptyRevert, () => MakerDog.Bark(Vault with { Chop = 0 }));
        // dart above 2^255 (rate 1 keeps art x rate in range; 1 wei of ink keeps ink x dart in range).
        UInt256 roomCap = UInt256.MaxValue / U("1000000000000000000");
        var huge = new MakerBarkInput { Ink = 1, Art = U256.From(U256.Pow2(255) + 1), Rate = 1, Spot = 1, Chop = 1, GlobalHole = roomCap, IlkHole = roomCap };
        EvmAssert.Reverts(ErrorHex("Dog/overflow"), () => MakerDog.Bark(huge));
        // due 2 x chop 1 / WAD = 0: the clipper refuses an auction that raises nothing.
        var tiny = new MakerBarkInput { Ink = 1, Art = 2, Rate = 1, Spot = 1, Chop = 1, GlobalHole = U("1" + Rad), IlkHole = U("1" + Rad) };
        EvmAssert.Reverts(ErrorHex("Clipper/zero-tab"), () => MakerDog.Bark(tiny));
        // dss's mul() guard on ink x spot.
        EvmAssert.Reverts(EvmAssert.EmptyRevert, () => MakerDog.Bark(Vault with { Ink = UInt256.MaxValue }));
    }

    [Fact]
    public void Linear_decrease_is_proportional_to_time_left()
    {
        UInt256 top = U("1000000000000000000000000000000"); // $1000
        Equal("750000000000000000000000000000", MakerAbaci.LinearDecrease(top, 900, 3600));
        Equal("0", MakerAbaci.LinearDecrease(top, 3600, 3600));
        Equal("1000000000000000000000000000000", MakerAbaci.LinearDecrease(top, 0, 3600));
        // factor (2/3 RAY) floors first: rmul(1e27 + 7, 666666666666666666666666666) = 666666666666666666666666670
        Equal("666666666666666666666666670", MakerAbaci.LinearDecrease(U("1000000000000000000000000007"), 1, 3));
        EvmAssert.Reverts(EvmAssert.EmptyRevert, () => MakerAbaci.LinearDecrease(UInt256.MaxValue, 0, 2));
    }

    [Fact]
    public void Exponential_curves_apply_cut_per_step_or_per_second()
    {
        UInt256 top = U("100000000000000000000000000000"); // $100
        UInt256 cut99 = U("990000000000000000000000000");
        Equal("98010000000000000000000000000", MakerAbaci.StairstepExponentialDecrease(top, 185, cut99, 90)); // 2 whole steps
        Equal("99000000000000000000000000000", MakerAbaci.StairstepExponentialDecrease(top, 179, cut99, 90));
        EvmAssert.Reverts(EvmAssert.EmptyRevert, () => MakerAbaci.StairstepExponentialDecrease(top, 1, cut99, 0));
        Equal("99800100000000000000000000000", MakerAbaci.ExponentialDecrease(top, 2, U("999000000000000000000000000")));
        Equal("100000000000000000000000000000", MakerAbaci.ExponentialDecrease(top, 0, 0));
        Equal("0", MakerAbaci.ExponentialDecrease(top, 1, 0));
    }

    private static readonly MakerTakeInput Auction = new()
    {
        Tab = U("10000" + Rad), Lot = U("10000000000000000000"), Top = U("2000000000000000000000000000000"),
        Price = U("1500000000000000000000000000000"), Dur = 600, Tail = 7200, Cusp = U("400000000000000000000000000"),
        Amount = U("4000000000000000000"), MaxPrice = U("1600000000000000000000000000000"), Chost = U("1130" + Rad),
    };

    [Fact]
    public void Take_buys_a_slice_at_the_current_price()
    {
        MakerTakeResult r = MakerClipper.Take(Auction); // 4 ETH x $1500 = 6,000 DAI
        Equal("4000000000000000000", r.Slice);
        Equal("6000" + Rad, r.Owe);
        Equal("4000" + Rad, r.Tab);
        Equal("6000000000000000000", r.Lot);
        Equal("6000" + Rad, r.DirtReleased);
    }

    [Fact]
    public void Take_never_collects_more_than_the_tab()
    {
        // 10 ETH would cost 15,000 DAI: owe = tab = 10,000 DAI, slice = tab / price = 6.666... ETH (floor).
        MakerTakeResult r = MakerClipper.Take(Auction with { Amount = U("10000000000000000000") });
        Equal("6666666666666666666", r.Slice);
        Equal("10000" + Rad, r.Owe);
        Equal("0", r.Tab);
        Equal("3333333333333333334", r.Lot); // returned to the vault owner
    }

    [Fact]
    public void Take_leaves_at_least_chost_or_takes_everything()
    {
        // 6 ETH = 9,000 DAI would leave 1,000 < chost 1,130: owe = tab - chost = 8,870 DAI, slice = owe / price.
        MakerTakeResult r = MakerClipper.Take(Auction with { Amount = U("6000000000000000000") });
        Equal("5913333333333333333", r.Slice);
        Equal("8870" + Rad, r.Owe);
        Equal("1130" + Rad, r.Tab);

        // Buying the whole lot releases the whole original tab from the dog's dirt.
        MakerTakeResult all = MakerClipper.Take(Auction with { Tab = U("20000" + Rad), Amount = UInt256.MaxValue });
        Equal("0", all.Lot);
        Equal("15000" + Rad, all.Owe);
        Equal("20000" + Rad, all.DirtReleased);
    }

    [Fact]
    public void Take_reverts_with_clipper_reasons()
    {
        EvmAssert.Reverts(ErrorHex("Clipper/needs-reset"), () => MakerClipper.Take(Auction with { Dur = 7201 }));
        EvmAssert.Reverts(ErrorHex("Clipper/needs-reset"), () => MakerClipper.Take(Auction with { Price = U("799999999999999999999999999999") })); // below 40% of top
        EvmAssert.Reverts(ErrorHex("Clipper/too-expensive"), () => MakerClipper.Take(Auction with { MaxPrice = U("1499999999999999999999999999999") }));
        EvmAssert.Reverts(ErrorHex("Clipper/no-partial-purchase"), () => MakerClipper.Take(Auction with { Tab = U("1130" + Rad), Amount = 1 }));
        EvmAssert.Reverts(EvmAssert.EmptyRevert, () => MakerClipper.Take(Auction with { Top = 0 }));
    }

    [Fact]
    public void Chost_is_dust_times_chop()
    {
        Equal("11300" + Rad, MakerClipper.Chost(U("10000" + Rad), U("1130000000000000000")));
        EvmAssert.Reverts(EvmAssert.EmptyRevert, () => MakerClipper.Chost(UInt256.MaxValue, 2));
    }
}
