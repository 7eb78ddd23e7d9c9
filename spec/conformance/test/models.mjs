// Independent BigInt models of every op, written from the libraries' source semantics. The tests check the EVM
// twins (and so the committed vectors) against these, so neither side's expected values come from itself.
import { MAX, WAD, RAY, HALF_WAD, HALF_RAY, PERCENTAGE_FACTOR as PF, HALF_PERCENTAGE_FACTOR as HALF_PF } from '../lib/values.mjs';
import { OVERFLOW, DIVISION_BY_ZERO, EMPTY, ROUNDINGS } from '../lib/ops.mjs';
import { PROFILE_MODELS, profileModel } from './profile-models.mjs';

class Revert extends Error {
  constructor(data) {
    super(data);
    this.data = data;
  }
}
const overflow = () => { throw new Revert(OVERFLOW); };
const divZero = () => { throw new Revert(DIVISION_BY_ZERO); };
const empty = () => { throw new Revert(EMPTY); };

// Solidity 0.8 checked operators.
const add = (a, b) => (a + b > MAX ? overflow() : a + b);
const sub = (a, b) => (b > a ? overflow() : a - b);
const mul = (a, b) => (a * b > MAX ? overflow() : a * b);
const div = (a, b) => (b === 0n ? divZero() : a / b);
const mod = (a, b) => (b === 0n ? divZero() : a % b);

// OpenZeppelin 5: full-precision floor, Panic(0x12) for d == 0, Panic(0x11) when the result exceeds 256 bits,
// then a checked +1 for Ceil/Expand when there is a remainder.
function mulDiv(x, y, d, rounding) {
  if (d === 0n) divZero();
  const q = (x * y) / d;
  if (q > MAX) overflow();
  const up = ROUNDINGS.indexOf(rounding) % 2 === 1 && (x * y) % d !== 0n;
  return up ? add(q, 1n) : q;
}

// Aave V3: guard a <= (MAX - half) / b (b == 0 passes), empty revert; then round half up.
const aaveMul = (half, unit) => (a, b) => (b !== 0n && a > (MAX - half) / b ? empty() : (a * b + half) / unit);
// Aave V3: guard b != 0 and a <= (MAX - b / 2) / unit, empty revert; then round half up.
const aaveDiv = (unit) => (a, b) => (b === 0n || a > (MAX - b / 2n) / unit ? empty() : (a * unit + b / 2n) / b);

// Morpho Blue MathLib: plain checked arithmetic, evaluated left to right.
const mulDivDown = (x, y, d) => div(mul(x, y), d);
const mulDivUp = (x, y, d) => div(add(mul(x, y), sub(d, 1n)), d);

// MakerDAO rpow (dss jug.sol): square-and-multiply with half-up rounding; every overflow is an empty revert;
// division by base == 0 yields 0 as the EVM's DIV does.
function rpow(x, n, b) {
  if (n === 0n) return b;
  if (x === 0n) return 0n;
  const half = b / 2n;
  const round = (p) => {
    if (p > MAX || p + half > MAX) empty();
    return b === 0n ? 0n : (p + half) / b;
  };
  let z = n % 2n === 1n ? x : b;
  for (n /= 2n; n !== 0n; n /= 2n) {
    x = round(x * x);
    if (n % 2n === 1n) z = round(z * x);
  }
  return z;
}

const MODELS = {
  add, sub, mul, div, mod, mulDiv,
  wadMul: aaveMul(HALF_WAD, WAD), wadDiv: aaveDiv(WAD), rayMul: aaveMul(HALF_RAY, RAY), rayDiv: aaveDiv(RAY),
  rayToWad: (a) => a / 10n ** 9n + (a % 10n ** 9n >= 5n * 10n ** 8n ? 1n : 0n),
  wadToRay: (a) => (a * 10n ** 9n > MAX ? empty() : a * 10n ** 9n),
  percentMul: aaveMul(HALF_PF, PF), percentDiv: aaveDiv(PF),
  mulDivDown, mulDivUp,
  wMulDown: (x, y) => mulDivDown(x, y, WAD), wDivDown: (x, y) => mulDivDown(x, WAD, y), wDivUp: (x, y) => mulDivUp(x, WAD, y),
  rpow,
};

/** The model's answer for one case, in eval-protocol form: {ok: ["..."]} or {revert: "0x..."}. */
export function model(op, args) {
  if (PROFILE_MODELS[op]) return profileModel(op, args);
  const f = MODELS[op];
  if (!f) throw new Error(`no model for ${op}`);
  const values = args.map((a) => (op === 'mulDiv' && ROUNDINGS.includes(a) ? a : BigInt(a)));
  try {
    return { ok: [f(...values).toString(10)] };
  } catch (e) {
    if (e instanceof Revert) return { revert: e.data };
    throw e;
  }
}
