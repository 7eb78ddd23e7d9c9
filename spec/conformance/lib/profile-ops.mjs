// The protocol-profile ops (spec/SPEC.md section 5): their Solidity twins, result kinds and case generators.
// Random generators mix consistent, liquidatable protocol states (so the success paths and their rounding are
// exercised) with boundary values that reach every revert; the hand-picked edges cover each revert reason.
import { createRequire } from 'node:module';
import { MAX, WAD, RAY, clamp, anyValue, around } from './values.mjs';

const require = createRequire(import.meta.url);
const versionOf = (pkg) => require(`${pkg}/package.json`).version;
const aave = `@aave/core-v3 ${versionOf('@aave/core-v3')}`;
const morpho = `@morpho-org/morpho-blue ${versionOf('@morpho-org/morpho-blue')}`;

const OK = 'ok';
const K_EMPTY = 'revert 0x';
const K_11 = 'revert Panic(0x11)';
const K_12 = 'revert Panic(0x12)';
/** Result kind of an Error(string) revert, as kindOf names it. */
export const errorKind = (reason) => `revert Error(${JSON.stringify(reason)})`;

const RAD = 10n ** 45n;
const U128 = (1n << 128n) - 1n;
const E = (k) => 10n ** BigInt(k);

/** m x 10^k with m in [1, 9999] and k in [lo, hi], clamped. */
const pow10 = (rng, lo, hi) => clamp((1n + rng.below(9999n)) * E(lo + rng.int(hi - lo + 1)));
/** A whole percentage in [lo, hi]. */
const pct = (rng, lo, hi) => BigInt(lo + rng.int(hi - lo + 1));
const amount = (rng) => rng.weighted([[5, () => pow10(rng, 0, 30)], [1, () => rng.below(4n)], [2, () => anyValue(rng)]])();
const usdPrice = (rng) => rng.weighted([[5, () => pow10(rng, 2, 12)], [1, () => rng.below(2n)], [1, () => anyValue(rng)]])();
const decimals = (rng) => rng.weighted([[5, () => rng.pick([6n, 8n, 18n])], [1, () => rng.below(256n)], [1, () => rng.pick([0n, 76n, 77n, 78n, 255n])]])();
const bps = (rng) => rng.weighted([[5, () => rng.below(12_001n)], [2, () => rng.pick([0n, 5000n, 9000n, 10000n, 10500n, 11000n, 65535n])]])();
const bonusBps = (rng) => rng.weighted([[4, () => 10_000n + rng.below(1_501n)], [1, () => bps(rng)]])();
const healthFactor = (rng) => rng.weighted([
  [3, () => around(rng, 95n * E(16))], [2, () => around(rng, WAD)], [4, () => rng.below(1_000_000n) * E(12)], [1, () => anyValue(rng)],
])();
const uint128 = (rng) => rng.weighted([[5, () => pow10(rng, 0, 34) % (U128 + 1n)], [1, () => U128 - rng.below(5n)], [1, () => rng.below(4n)]])();
const lltv = (rng) => rng.weighted([
  [4, () => rng.pick([385n, 625n, 770n, 860n, 915n, 945n, 965n, 980n]) * E(15)], [4, () => rng.below(WAD + 1n)],
  [1, () => around(rng, WAD)], [1, () => anyValue(rng)],
])();
const oraclePrice = (rng) => rng.weighted([[5, () => pow10(rng, 18, 42)], [1, () => 0n], [1, () => anyValue(rng)]])();
const rayFraction = (rng) => rng.weighted([[4, () => (rng.below(10_001n) * RAY) / 10_000n], [2, () => around(rng, RAY)], [1, () => anyValue(rng)]])();
const seconds = (rng) => rng.weighted([[5, () => rng.below(20_001n)], [1, () => anyValue(rng)]])();
const radAmount = (rng) => rng.weighted([[4, () => pow10(rng, 40, 55)], [1, () => 0n], [1, () => anyValue(rng)]])();

// ---- Aave V3 ----

const ethReserve = [10n * WAD, 0n, 2000n * E(8), 18n, 8000n, 8250n, 1n];
const usdcDebt = [0n, 10_000n * E(6), E(8), 6n, 7500n, 8000n, 0n];

function aaveReserve(rng) {
  return [amount(rng), rng.chance(1, 2) ? 0n : amount(rng), usdPrice(rng), decimals(rng), bps(rng), bps(rng), BigInt(rng.int(2))];
}

function userAccountDataEdges() {
  const unit78 = 10n ** 78n % (1n << 256n);
  const one = (r) => [1n, ...r];
  return [
    [0n],
    one(ethReserve), [2n, ...ethReserve, ...usdcDebt],
    [2n, ...ethReserve.with(4, 0n), ...usdcDebt], // zero LTV
    [2n, ...ethReserve.with(5, 0n), ...usdcDebt], // no threshold: not a collateral
    [2n, ...ethReserve.with(6, 0n), ...usdcDebt], // not used as collateral
    one([3n, 3n, 1n, 0n, 4000n, 5000n, 1n]), // HF = wadDiv(percentMul(3, 5000) = 2, 3), half up
    one([0n, unit78, 1n, 78n, 0n, 0n, 0n]), one([0n, unit78 - 1n, 1n, 78n, 0n, 0n, 0n]), // 10^78 wraps
    one([0n, MAX, 1n, 255n, 0n, 0n, 0n]), one([MAX, 0n, 1n, 77n, 1n, 1n, 1n]),
    one([1n << 255n, 0n, 2n, 0n, 1n, 1n, 1n]), one([0n, 1n << 255n, 2n, 0n, 1n, 1n, 1n]), // products overflow
    one([MAX, 0n, 1n, 0n, 1n, 2n, 1n]), // the weighted threshold sum overflows
    one([MAX / 3n, 1n, 1n, 0n, 3n, 3n, 1n]), // percentMul of the health factor overflows (empty revert)
    one([E(60), 1n, 1n, 0n, 10000n, 10000n, 1n]), // wadDiv of the health factor overflows
    [2n, MAX, 0n, 1n, 0n, 1n, 1n, 1n, 1n, 0n, 1n, 0n, 1n, 1n, 1n], // the collateral sum overflows
  ];
}

function liquidationQuoteEdges() {
  const base = [9n * E(17), 10_000n * E(6), 100_000n * E(6), 10n * WAD, 2000n * E(8), 18n, E(8), 6n, 10500n, 1000n];
  const w = (i, v) => base.with(i, v);
  return [
    base, w(3, WAD), w(9, 0n), w(2, E(6)),
    w(0, 95n * E(16)), w(0, 95n * E(16) + 1n), w(0, WAD - 1n),
    w(0, WAD), w(0, MAX), w(1, 0n), // Error('45'), Error('47')
    [2n * WAD, MAX, ...base.slice(2)], // percentMul of the total debt overflows before the HF check
    w(4, 0n), w(6, 0n).with(3, WAD), // Panic(0x12)
    w(8, 9000n), w(8, 0n), w(6, MAX), w(9, 65535n).with(8, 30000n), // underflow, percentDiv by 0, overflow, fee > collateral
    w(5, 77n), w(5, 78n), w(7, 255n), w(5, 0n).with(7, 0n),
  ];
}

function liquidationQuoteRandom(rng) {
  return rng.weighted([
    [3, () => {
      // A consistent position: the debt is worth 50-105% of the collateral's threshold value.
      const cDec = rng.pick([6n, 8n, 18n]);
      const dDec = rng.pick([6n, 8n, 18n]);
      const cPrice = pow10(rng, 4, 12);
      const dPrice = pow10(rng, 6, 9);
      const balance = pow10(rng, Number(cDec) - 2, Number(cDec) + 6);
      const debt = clamp((balance * cPrice * E(dDec)) / (dPrice * E(cDec)) * pct(rng, 50, 105) / 100n + 1n);
      const cover = rng.weighted([[2, MAX], [2, debt], [1, debt / (1n + rng.below(10n))], [1, amount(rng)]]);
      return [healthFactor(rng), debt, cover, balance, cPrice, cDec, dPrice, dDec, bonusBps(rng), rng.pick([0n, 1000n, 2000n, bps(rng)])];
    }],
    [2, () => [healthFactor(rng), amount(rng), rng.weighted([[3, () => amount(rng)], [1, () => MAX]])(), amount(rng), usdPrice(rng), decimals(rng),
      usdPrice(rng), decimals(rng), bonusBps(rng), bps(rng)]],
  ])();
}

// ---- Morpho Blue ----

const market = [2n * E(12), E(12), E(18)]; // totalSupplyAssets, totalBorrowAssets, totalBorrowShares
const position = [WAD, 18n * E(14)]; // 1 WETH, 1800 USDC of shares
const price2000 = 2000n * E(24);
const lltv86 = 86n * E(16);

function morphoUnhealthy(rng) {
  const tba = pow10(rng, 6, 30) % (U128 + 1n);
  const tbs = clamp(tba * 1_000_000n * pct(rng, 100, 120) / 100n);
  const shares = (tbs * pct(rng, 1, 100)) / 100n;
  const collateral = pow10(rng, 6, 30);
  const l = rng.pick([385n, 625n, 770n, 860n, 915n, 945n, 965n, 980n]) * E(15);
  const borrowed = (shares * (tba + 1n)) / (tbs + 1_000_000n) + 1n;
  const price = clamp((((borrowed * E(36)) / collateral) * WAD / l) * pct(rng, 50, 105) / 100n);
  const min128 = (v) => (v > U128 ? U128 : v);
  return [min128((tba * pct(rng, 100, 150)) / 100n), tba, min128(tbs), collateral % (U128 + 1n), min128(shares), price, l];
}

function morphoLiquidateRandom(rng) {
  const state = rng.weighted([[3, () => morphoUnhealthy(rng)], [1, () => [uint128(rng), uint128(rng), uint128(rng), uint128(rng), uint128(rng), oraclePrice(rng), lltv(rng)]]])();
  const amounts = rng.weighted([
    [3, () => [rng.weighted([[3, () => (state[3] * pct(rng, 1, 100)) / 100n], [1, () => amount(rng)]])(), 0n]],
    [3, () => [0n, rng.weighted([[3, () => (state[4] * pct(rng, 1, 100)) / 100n], [1, () => amount(rng)]])()]],
    [2, () => [state[3], 0n]], // seize all: bad debt
    [1, () => [0n, state[4]]],
    [1, () => [amount(rng), amount(rng)]],
  ])();
  return [...state, ...amounts];
}

function morphoLiquidateEdges() {
  const s = [...market, ...position, price2000, lltv86];
  return [
    [...s, WAD / 2n, 0n], [...s, 0n, 9n * E(14)], [...s.with(5, 1000n * E(24)), WAD, 0n], // bad debt
    [...s, 1n, 1n], [...s, 0n, 0n], [...s.with(5, 3000n * E(24)), 1n, 0n], // inconsistent input, healthy
    [...s, WAD + 1n, 0n], [...s, 0n, 18n * E(14) + 1n], [...s, 0n, 1n << 128n], // underflows, max uint128
    [...s.with(5, 0n), 0n, E(14)], [...s.with(6, WAD + 1n), 1n, 0n], // Panic(0x12), incentive underflow
    [...s.with(5, MAX), WAD, 0n], [U128, U128, U128, U128, U128, price2000, lltv86, 0n, U128],
  ];
}

// ---- MakerDAO Liquidations 2.0 ----

const vault = [10n * WAD, 15_000n * WAD, 105n * E(25), 1000n * RAY, 10_000n * RAD, 113n * E(16), 100_000_000n * RAD, 0n, 50_000_000n * RAD, 0n, 300n * RAD, E(15)];

function barkEdges() {
  const w = (i, v) => vault.with(i, v);
  const roomCap = MAX / WAD;
  return [
    vault, w(8, 12_000n * RAD).with(4, 1000n * RAD), w(8, 12_000n * RAD).with(4, 6000n * RAD), w(10, 0n).with(11, 0n),
    w(3, 1575n * E(27)), w(3, 0n), w(7, vault[6]), w(9, 60_000_000n * RAD),
    w(8, 500n * RAD).with(4, 1000n * RAD), w(0, 1n).with(8, 12_000n * RAD).with(4, 0n),
    [1n, (1n << 255n) + 1n, 1n, 1n, 0n, 1n, roomCap, 0n, roomCap, 0n, 0n, 0n], // Dog/overflow
    [1n, 2n, 1n, 1n, 0n, 1n, RAD, 0n, RAD, 0n, 0n, 0n], // Clipper/zero-tab
    w(5, 0n), w(0, MAX), w(10, MAX), w(11, MAX), // empty reverts: chop 0, mul, add
  ];
}

function barkRandom(rng) {
  return rng.weighted([
    [3, () => {
      const rate = RAY + rng.below(5001n) * E(23);
      const spot = pow10(rng, 26, 30);
      const art = pow10(rng, 18, 25);
      const pick = (weights) => rng.weighted(weights)();
      return [
        (art * rate) / spot * pct(rng, 50, 110) / 100n, art, rate, spot,
        pick([[1, () => 0n], [3, () => pow10(rng, 45, 49)]]), 1000n * E(15) + rng.below(501n) * E(15),
        pick([[3, () => pow10(rng, 50, 55)], [2, () => pow10(rng, 45, 50)]]), pick([[3, () => 0n], [1, () => pow10(rng, 44, 49)]]),
        pick([[3, () => pow10(rng, 50, 55)], [2, () => pow10(rng, 45, 50)]]), pick([[3, () => 0n], [1, () => pow10(rng, 44, 49)]]),
        pick([[1, () => 0n], [2, () => pow10(rng, 45, 48)]]), pick([[1, () => 0n], [2, () => pow10(rng, 12, 16)]]),
      ];
    }],
    [1, () => [pow10(rng, 15, 24), pow10(rng, 15, 25), rng.weighted([[4, () => pow10(rng, 26, 27)], [1, () => anyValue(rng)]])(), pow10(rng, 26, 31),
      radAmount(rng), rng.weighted([[4, () => (1000n + rng.below(501n)) * E(15)], [1, () => anyValue(rng)]])(),
      radAmount(rng), radAmount(rng), radAmount(rng), radAmount(rng), radAmount(rng), rng.weighted([[3, () => pow10(rng, 12, 16)], [1, () => 0n]])()]],
  ])();
}

const top = (rng) => pow10(rng, 20, 33);

const auction = [10_000n * RAD, 10n * WAD, 2000n * RAY, 1500n * RAY, 600n, 7200n, 4n * E(26), 4n * WAD, 1600n * RAY, 1130n * RAD];

function takeEdges() {
  const w = (i, v) => auction.with(i, v);
  return [
    auction, w(7, 10n * WAD), w(7, 6n * WAD), w(0, 20_000n * RAD).with(7, MAX), w(9, 0n), w(4, 7200n),
    w(4, 7201n), w(3, 800n * RAY - 1n), w(8, 1500n * RAY - 1n), w(0, 1130n * RAD).with(7, 1n), // reasons
    w(2, 0n), w(3, MAX).with(8, MAX), w(7, MAX).with(1, MAX).with(3, 2n).with(8, 2n), // empty reverts
    w(3, 0n).with(6, 0n).with(7, 1n), // price 0 with cusp 0: owe 0, the dust branch divides by 0
  ];
}

function takeRandom(rng) {
  return rng.weighted([
    [3, () => {
      const t = pow10(rng, 27, 31);
      const price = (t * pct(rng, 30, 100)) / 100n;
      const lot = pow10(rng, 17, 22);
      return [pow10(rng, 45, 50), lot, t, price, rng.below(8001n), 3600n + rng.below(3601n), (20n + rng.below(41n)) * RAY / 100n,
        (lot * pct(rng, 1, 150)) / 100n, (price * pct(rng, 95, 200)) / 100n, rng.weighted([[1, () => 0n], [3, () => pow10(rng, 44, 48)]])()];
    }],
    [1, () => {
      // A small remaining tab: partial purchases must leave chost, or are refused when tab <= chost.
      const t = pow10(rng, 27, 31);
      const lot = pow10(rng, 17, 22);
      const tab = (lot * t * pct(rng, 20, 200)) / 100n; // the whole lot is worth half to five times the tab
      return [tab, lot, t, t, 0n, 3600n, 0n, (lot * pct(rng, 1, 100)) / 100n, t, (tab * pct(rng, 1, 150)) / 100n];
    }],
    [1, () => [radAmount(rng), pow10(rng, 15, 24), pow10(rng, 26, 31), pow10(rng, 25, 31), seconds(rng), seconds(rng), rayFraction(rng),
      pow10(rng, 15, 25), pow10(rng, 25, 32), radAmount(rng)]],
  ])();
}

const DSS = 'our twin of makerdao/dss Liquidations 2.0; MakerLiq2Twin.sol';

export const PROFILE_OPS = Object.freeze({
  'aaveV3.userAccountData': {
    contract: 'AaveProfileTwin',
    function: 'userAccountData',
    twin: `GenericLogic.calculateUserAccountData, v3.0 without eMode (${aave}; AaveProfileTwin.sol)`,
    params: ['n', 'collateralBalance', 'debtBalance', 'price', 'decimals', 'ltvBps', 'liquidationThresholdBps', 'usedAsCollateral'],
    variadic: true, // n, then n groups of 7: passed to the twin as one uint256[]
    expected: [OK, K_EMPTY, K_11],
    edges: userAccountDataEdges,
    random: (rng) => {
      const n = rng.int(5);
      return [BigInt(n), ...Array.from({ length: n }, () => aaveReserve(rng)).flat()];
    },
  },
  'aaveV3.liquidationQuote': {
    contract: 'AaveProfileTwin',
    function: 'liquidationQuote',
    twin: `LiquidationLogic._calculateDebt + ValidationLogic.validateLiquidationCall + LiquidationLogic._calculateAvailableCollateralToLiquidate, v3.0 (${aave}; AaveProfileTwin.sol)`,
    params: ['healthFactor', 'userTotalDebt', 'debtToCover', 'collateralBalance', 'collateralPrice', 'collateralDecimals', 'debtPrice', 'debtDecimals', 'liquidationBonusBps', 'protocolFeeBps'],
    expected: [OK, errorKind('45'), errorKind('47'), K_EMPTY, K_11, K_12],
    edges: liquidationQuoteEdges,
    random: liquidationQuoteRandom,
  },
  'morphoBlue.liquidationIncentiveFactor': {
    contract: 'MorphoProfileTwin',
    function: 'liquidationIncentiveFactor',
    twin: `Morpho.liquidate liquidation incentive factor (${morpho}; MorphoProfileTwin.sol)`,
    params: ['lltv'],
    expected: [OK, K_11],
    edges: () => [0n, 1n, 385n, 500n, 625n, 770n, 860n, 915n, 945n, 965n, 980n, 1000n].map((m) => [m * E(15)])
      .concat([[WAD - 1n], [WAD + 1n], [MAX], [1n]]),
    random: (rng) => [lltv(rng)],
  },
  'morphoBlue.isHealthy': {
    contract: 'MorphoProfileTwin',
    function: 'isHealthy',
    twin: `Morpho._isHealthy(marketParams, id, borrower, collateralPrice) (${morpho}; MorphoProfileTwin.sol)`,
    params: ['collateral', 'borrowShares', 'totalBorrowAssets', 'totalBorrowShares', 'collateralPrice', 'lltv'],
    expected: [OK, K_11],
    edges: () => [
      [WAD, 18n * E(14), E(12), E(18), price2000, lltv86], [WAD, 172n * E(13), E(12), E(18), price2000, lltv86],
      [0n, 0n, 0n, 0n, 0n, 0n], [1n, 0n, 0n, 0n, MAX, WAD], [2n, 0n, 0n, 0n, MAX, WAD],
      [0n, U128, U128, U128, 0n, 0n], [0n, U128, U128, 0n, 0n, 0n], [U128, 0n, 0n, 0n, E(36), MAX],
    ],
    random: (rng) => rng.weighted([
      [2, () => { const s = morphoUnhealthy(rng); return [s[3], s[4], s[1], s[2], s[5], s[6]]; }], // collateral, shares, totals, price, lltv
      [1, () => [uint128(rng), uint128(rng), uint128(rng), uint128(rng), oraclePrice(rng), lltv(rng)]],
    ])(),
  },
  'morphoBlue.liquidate': {
    contract: 'MorphoProfileTwin',
    function: 'liquidate',
    twin: `Morpho.liquidate amounts and state changes (${morpho}; MorphoProfileTwin.sol)`,
    params: ['totalSupplyAssets', 'totalBorrowAssets', 'totalBorrowShares', 'collateral', 'borrowShares', 'collateralPrice', 'lltv', 'seizedAssets', 'repaidShares'],
    expected: [OK, errorKind('inconsistent input'), errorKind('position is healthy'), errorKind('max uint128 exceeded'), K_11, K_12],
    edges: morphoLiquidateEdges,
    random: morphoLiquidateRandom,
  },
  'makerLiq2.bark': {
    contract: 'MakerLiq2Twin',
    function: 'bark',
    twin: `Dog.bark + Clipper.kick reward (${DSS})`,
    params: ['ink', 'art', 'rate', 'spot', 'dust', 'chop', 'Hole', 'Dirt', 'ilkHole', 'ilkDirt', 'tip', 'chip'],
    expected: [OK, K_EMPTY, ...['Dog/not-unsafe', 'Dog/liquidation-limit-hit', 'Dog/dusty-auction-from-partial-liquidation', 'Dog/null-auction',
      'Dog/overflow', 'Clipper/zero-tab'].map(errorKind)],
    edges: barkEdges,
    random: barkRandom,
  },
  'makerLiq2.linearDecrease': {
    contract: 'MakerLiq2Twin',
    function: 'linearDecrease',
    twin: `abaci LinearDecrease.price (${DSS})`,
    params: ['top', 'dur', 'tau'],
    expected: [OK, K_EMPTY],
    edges: () => [[1000n * RAY, 900n, 3600n], [1000n * RAY, 3600n, 3600n], [1000n * RAY, 0n, 3600n], [RAY + 7n, 1n, 3n], [MAX, 0n, 2n], [0n, 0n, 0n], [MAX, 0n, 1n], [MAX / RAY, 0n, MAX]],
    random: (rng) => [rng.weighted([[3, () => top(rng)], [1, () => anyValue(rng)]])(), seconds(rng), seconds(rng)],
  },
  'makerLiq2.stairstepExponentialDecrease': {
    contract: 'MakerLiq2Twin',
    function: 'stairstepExponentialDecrease',
    twin: `abaci StairstepExponentialDecrease.price (${DSS})`,
    params: ['top', 'dur', 'cut', 'step'],
    expected: [OK, K_EMPTY],
    edges: () => [[100n * RAY, 185n, 99n * E(25), 90n], [100n * RAY, 179n, 99n * E(25), 90n], [100n * RAY, 1n, 99n * E(25), 0n], [100n * RAY, 0n, 0n, 1n],
      [MAX, 0n, RAY, 1n], [100n * RAY, 2n, 1n << 128n, 1n], [RAY, 1n, MAX, 1n]],
    random: (rng) => [rng.weighted([[3, () => top(rng)], [1, () => anyValue(rng)]])(), seconds(rng), rayFraction(rng), rng.weighted([[4, () => rng.below(301n)], [1, () => anyValue(rng)]])()],
  },
  'makerLiq2.exponentialDecrease': {
    contract: 'MakerLiq2Twin',
    function: 'exponentialDecrease',
    twin: `abaci ExponentialDecrease.price (${DSS})`,
    params: ['top', 'dur', 'cut'],
    expected: [OK, K_EMPTY],
    edges: () => [[100n * RAY, 2n, 999n * E(24)], [100n * RAY, 0n, 0n], [100n * RAY, 1n, 0n], [MAX, 0n, RAY], [100n * RAY, 2n, 1n << 128n], [RAY, 1n, MAX]],
    random: (rng) => [rng.weighted([[3, () => top(rng)], [1, () => anyValue(rng)]])(), seconds(rng), rayFraction(rng)],
  },
  'makerLiq2.take': {
    contract: 'MakerLiq2Twin',
    function: 'take',
    twin: `Clipper.take amounts with its status check (${DSS})`,
    params: ['tab', 'lot', 'top', 'price', 'dur', 'tail', 'cusp', 'amt', 'max', 'chost'],
    expected: [OK, K_EMPTY, ...['Clipper/needs-reset', 'Clipper/too-expensive', 'Clipper/no-partial-purchase'].map(errorKind)],
    edges: takeEdges,
    random: takeRandom,
  },
  'makerLiq2.chost': {
    contract: 'MakerLiq2Twin',
    function: 'chost',
    twin: `Clipper.upchost: wmul(dust, chop) (${DSS})`,
    params: ['dust', 'chop'],
    expected: [OK, K_EMPTY],
    edges: () => [[10_000n * RAD, 113n * E(16)], [0n, 0n], [MAX, 0n], [MAX, 1n], [MAX, 2n], [MAX / WAD, WAD], [MAX / WAD + 1n, WAD]],
    random: (rng) => [radAmount(rng), rng.weighted([[3, () => pow10(rng, 17, 19)], [1, () => anyValue(rng)]])()],
  },
});
