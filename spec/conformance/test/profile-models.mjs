// Independent BigInt models of the profile ops (spec/SPEC.md section 5), written from the protocols' Solidity
// (Aave v3.0 GenericLogic/LiquidationLogic, Morpho.sol, dss dog/clip/abaci as compiled by Solidity 0.6.12), in
// the eval op's argument and result order. They check the EVM twins, and so the committed vectors.
import { MAX, WAD, RAY } from '../lib/values.mjs';
import { OVERFLOW, DIVISION_BY_ZERO, EMPTY } from '../lib/ops.mjs';

class Revert extends Error {
  constructor(data) {
    super(data);
    this.data = data;
  }
}
const revert = (data) => { throw new Revert(data); };
/** ABI revert data of Error(reason). */
export const errorData = (reason) => {
  const hex = Buffer.from(reason, 'utf8').toString('hex');
  const word = (n) => n.toString(16).padStart(64, '0');
  return '0x08c379a0' + word(32) + word(hex.length / 2) + hex.padEnd(Math.ceil(hex.length / 64) * 64, '0');
};
const error = (reason) => revert(errorData(reason));

// Solidity 0.8 checked operators.
const add = (a, b) => (a + b > MAX ? revert(OVERFLOW) : a + b);
const sub = (a, b) => (b > a ? revert(OVERFLOW) : a - b);
const mul = (a, b) => (a * b > MAX ? revert(OVERFLOW) : a * b);
const div = (a, b) => (b === 0n ? revert(DIVISION_BY_ZERO) : a / b);
const min = (a, b) => (a < b ? a : b);
const pow10 = (d) => 10n ** d % (1n << 256n); // unchecked 10 ** d

// Aave half-up helpers: guarded, empty revert data.
const percentMul = (v, p) => (p !== 0n && v > (MAX - 5000n) / p ? revert(EMPTY) : (v * p + 5000n) / 10000n);
const percentDiv = (v, p) => (p === 0n || v > (MAX - p / 2n) / 10000n ? revert(EMPTY) : (v * 10000n + p / 2n) / p);
const wadDiv = (a, b) => (b === 0n || a > (MAX - b / 2n) / WAD ? revert(EMPTY) : (a * WAD + b / 2n) / b);

function userAccountData(a) {
  let tc = 0n, td = 0n, ltvSum = 0n, ltSum = 0n, zeroLtv = false;
  for (let i = 1; i < a.length; i += 7) {
    const [balance, debt, price, decimals, ltv, lt, used] = a.slice(i, i + 7);
    const unit = pow10(decimals);
    if (lt !== 0n && used === 1n) {
      const v = div(mul(balance, price), unit);
      tc = add(tc, v);
      if (ltv !== 0n) ltvSum = add(ltvSum, mul(v, ltv));
      else zeroLtv = true;
      ltSum = add(ltSum, mul(v, lt));
    }
    td = add(td, div(mul(price, debt), unit));
  }
  const avgLtv = tc === 0n ? 0n : ltvSum / tc;
  const avgLt = tc === 0n ? 0n : ltSum / tc;
  return [tc, td, avgLtv, avgLt, td === 0n ? MAX : wadDiv(percentMul(tc, avgLt), td), zeroLtv ? 1n : 0n];
}

function liquidationQuote([hf, totalDebt, toCover, balance, cPrice, cDec, dPrice, dDec, bonus, fee]) {
  const maxDebt = percentMul(totalDebt, hf > 95n * 10n ** 16n ? 5000n : 10000n);
  const actual = toCover > maxDebt ? maxDebt : toCover;
  if (hf >= WAD) error('45');
  if (totalDebt === 0n) error('47');
  const cUnit = pow10(cDec), dUnit = pow10(dDec);
  const maxCollateral = percentMul(div(mul(mul(dPrice, actual), cUnit), mul(cPrice, dUnit)), bonus);
  let collateral = maxCollateral, needed = actual;
  if (maxCollateral > balance) {
    collateral = balance;
    needed = percentDiv(div(mul(mul(cPrice, collateral), dUnit), mul(dPrice, cUnit)), bonus);
  }
  const protocolFee = fee === 0n ? 0n : percentMul(sub(collateral, percentDiv(collateral, bonus)), fee);
  return [actual, sub(collateral, protocolFee), needed, protocolFee];
}

// Morpho Blue: MathLib and SharesMathLib are plain checked arithmetic.
const mulDivDown = (x, y, d) => div(mul(x, y), d);
const mulDivUp = (x, y, d) => div(add(mul(x, y), sub(d, 1n)), d);
const SCALE = 10n ** 36n;
const U128 = (1n << 128n) - 1n;
const toAssetsUp = (s, ta, ts) => mulDivUp(s, add(ta, 1n), add(ts, 1_000_000n));
const toAssetsDown = (s, ta, ts) => mulDivDown(s, add(ta, 1n), add(ts, 1_000_000n));
const toSharesUp = (x, ta, ts) => mulDivUp(x, add(ts, 1_000_000n), add(ta, 1n));
const incentive = (lltv) => min(115n * 10n ** 16n, mulDivDown(WAD, WAD, sub(WAD, mulDivDown(3n * 10n ** 17n, sub(WAD, lltv), WAD))));
const toUint128 = (x) => (x > U128 ? error('max uint128 exceeded') : x);

function isHealthy([collateral, shares, tba, tbs, price, lltv]) {
  const borrowed = toAssetsUp(shares, tba, tbs);
  const maxBorrow = mulDivDown(mulDivDown(collateral, price, SCALE), lltv, WAD);
  return [maxBorrow >= borrowed ? 1n : 0n, borrowed, maxBorrow];
}

function liquidate([tsa, tba, tbs, collateral, shares, price, lltv, seized, repaid]) {
  if ((seized === 0n) === (repaid === 0n)) error('inconsistent input');
  if (isHealthy([collateral, shares, tba, tbs, price, lltv])[0] === 1n) error('position is healthy');
  const f = incentive(lltv);
  if (seized > 0n) repaid = toSharesUp(mulDivUp(mulDivUp(seized, price, SCALE), WAD, f), tba, tbs);
  else seized = mulDivDown(mulDivDown(toAssetsDown(repaid, tba, tbs), f, WAD), SCALE, price);
  const repaidAssets = toAssetsUp(repaid, tba, tbs);
  shares = sub(shares, toUint128(repaid));
  let newTbs = sub(tbs, toUint128(repaid));
  let newTba = tba > repaidAssets ? tba - repaidAssets : 0n;
  collateral = sub(collateral, toUint128(seized));
  let badAssets = 0n, badShares = 0n;
  if (collateral === 0n) {
    badShares = shares;
    badAssets = min(newTba, toAssetsUp(badShares, newTba, newTbs));
    newTba = sub(newTba, badAssets);
    tsa = sub(tsa, badAssets);
    newTbs = sub(newTbs, badShares);
    shares = 0n;
  }
  return [seized, repaidAssets, repaid, badAssets, badShares, tsa, newTba, newTbs, collateral, shares];
}

// MakerDAO dss (Solidity 0.6.12): require()-guarded helpers and INVALID on division by zero: empty revert data.
const dmul = (x, y) => (x * y > MAX ? revert(EMPTY) : x * y);
const dadd = (x, y) => (x + y > MAX ? revert(EMPTY) : x + y);
const ddiv = (x, y) => (y === 0n ? revert(EMPTY) : x / y);
const HALF = 1n << 255n;

function bark([ink, art, rate, spot, dust, chop, hole, dirt, ilkHole, ilkDirt, tip, chip]) {
  if (!(spot > 0n && dmul(ink, spot) < dmul(art, rate))) error('Dog/not-unsafe');
  if (!(hole > dirt && ilkHole > ilkDirt)) error('Dog/liquidation-limit-hit');
  const room = min(hole - dirt, ilkHole - ilkDirt);
  let dart = min(art, ddiv(ddiv(dmul(room, WAD), rate), chop));
  if (art > dart) {
    if (dmul(art - dart, rate) < dust) dart = art;
    else if (dmul(dart, rate) < dust) error('Dog/dusty-auction-from-partial-liquidation');
  }
  const dink = dmul(ink, dart) / art;
  if (dink === 0n) error('Dog/null-auction');
  if (dart > HALF || dink > HALF) error('Dog/overflow');
  const due = dmul(dart, rate);
  const tab = dmul(due, chop) / WAD;
  const newDirt = dadd(dirt, tab), newIlkDirt = dadd(ilkDirt, tab);
  if (tab === 0n) error('Clipper/zero-tab');
  const coin = tip > 0n || chip > 0n ? dadd(tip, dmul(tab, chip) / WAD) : 0n;
  return [dink, dart, due, tab, coin, newDirt, newIlkDirt];
}

// abaci's rpow (dss PR #78): square-and-multiply, half-up, empty revert on any overflow.
function rpow(x, n, b) {
  if (n === 0n) return b;
  if (x === 0n) return 0n;
  const half = b / 2n;
  const round = (p) => (p > MAX || p + half > MAX ? revert(EMPTY) : b === 0n ? 0n : (p + half) / b);
  let z = n % 2n === 1n ? x : b;
  for (n /= 2n; n !== 0n; n /= 2n) {
    x = round(x * x);
    if (n % 2n === 1n) z = round(z * x);
  }
  return z;
}

function take([tab, lot, top, price, dur, tail, cusp, amt, max, chost]) {
  if (dur > tail || ddiv(dmul(price, RAY), top) < cusp) error('Clipper/needs-reset');
  if (max < price) error('Clipper/too-expensive');
  let slice = min(lot, amt);
  let owe = dmul(slice, price);
  if (owe > tab) {
    owe = tab;
    slice = ddiv(owe, price);
  } else if (owe < tab && slice < lot && tab - owe < chost) {
    if (tab <= chost) error('Clipper/no-partial-purchase');
    owe = tab - chost;
    slice = ddiv(owe, price);
  }
  const tabLeft = tab - owe, lotLeft = lot - slice;
  return [slice, owe, tabLeft, lotLeft, lotLeft === 0n ? tabLeft + owe : owe];
}

export const PROFILE_MODELS = {
  'aaveV3.userAccountData': userAccountData,
  'aaveV3.liquidationQuote': liquidationQuote,
  'morphoBlue.liquidationIncentiveFactor': ([lltv]) => [incentive(lltv)],
  'morphoBlue.isHealthy': isHealthy,
  'morphoBlue.liquidate': liquidate,
  'makerLiq2.bark': bark,
  'makerLiq2.linearDecrease': ([top, dur, tau]) => [dur >= tau ? 0n : dmul(top, dmul(tau - dur, RAY) / tau) / RAY],
  'makerLiq2.stairstepExponentialDecrease': ([top, dur, cut, step]) => [dmul(top, rpow(cut, ddiv(dur, step), RAY)) / RAY],
  'makerLiq2.exponentialDecrease': ([top, dur, cut]) => [dmul(top, rpow(cut, dur, RAY)) / RAY],
  'makerLiq2.take': take,
  'makerLiq2.chost': ([dust, chop]) => [dmul(dust, chop) / WAD],
};

/** The model's answer for one profile case, in eval-protocol form: {ok: [...]} or {revert: "0x..."}. */
export function profileModel(op, args) {
  try {
    return { ok: PROFILE_MODELS[op](args.map(BigInt)).map((v) => v.toString(10)) };
  } catch (e) {
    if (e instanceof Revert) return { revert: e.data };
    throw e;
  }
}
