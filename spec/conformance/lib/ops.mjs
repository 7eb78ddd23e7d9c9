// The ops of the eval protocol (spec/notes: common contract), their Solidity twins, and case generators.
// A case is an array of args: BigInt for uint256 arguments, a string for literals (mulDiv's rounding).
import { createRequire } from 'node:module';
import {
  MAX, WAD, RAY, HALF_WAD, HALF_RAY, PERCENTAGE_FACTOR, HALF_PERCENTAGE_FACTOR, WAD_RAY_RATIO,
  EDGE_VALUES, BOUNDARY_POOL, clamp, isqrt, around, anyValue, nonZero, randomWidth, scaled,
} from './values.mjs';
import { PROFILE_OPS } from './profile-ops.mjs';

const require = createRequire(import.meta.url);
const versionOf = (pkg) => require(`${pkg}/package.json`).version;

export const PANIC_SELECTOR = '0x4e487b71';
/** ABI revert data of Panic(code). */
export const panicData = (code) => PANIC_SELECTOR + code.toString(16).padStart(64, '0');
export const OVERFLOW = panicData(0x11);
export const DIVISION_BY_ZERO = panicData(0x12);
export const EMPTY = '0x';

export const ERROR_SELECTOR = '0x08c379a0';

/** The reason of Error(string) revert data, or undefined when the data is not a well-formed Error(string). */
function errorReason(d) {
  if (!d.startsWith(ERROR_SELECTOR) || d.length < 10 + 128) return undefined;
  const length = Number(BigInt('0x' + d.slice(74, 138)));
  if (BigInt('0x' + d.slice(10, 74)) !== 32n || d.length !== 138 + Math.ceil(length / 32) * 64) return undefined;
  return Buffer.from(d.slice(138, 138 + 2 * length), 'hex').toString('utf8');
}

/** Human name of a result kind: "ok", "revert 0x", "revert Panic(0x11)" or 'revert Error("45")'. */
export function kindOf(result) {
  if (result.ok) return 'ok';
  const d = result.revert;
  if (d.startsWith(PANIC_SELECTOR) && d.length === 10 + 64) return `revert Panic(0x${BigInt('0x' + d.slice(10)).toString(16)})`;
  if (d === EMPTY) return 'revert 0x';
  const reason = errorReason(d);
  if (reason !== undefined) return `revert Error(${JSON.stringify(reason)})`;
  return `revert ${d.slice(0, 10)}...(${(d.length - 2) / 2} bytes)`;
}
const OK = 'ok';
const K_EMPTY = 'revert 0x';
const K_11 = 'revert Panic(0x11)';
const K_12 = 'revert Panic(0x12)';

export const ROUNDINGS = Object.freeze(['floor', 'ceil', 'trunc', 'expand']); // index = OZ 5 Math.Rounding

const cross = (xs, ys) => xs.flatMap((x) => ys.map((y) => [x, y]));
const delta = [-2n, -1n, 0n, 1n, 2n];
const near = (v) => delta.map((d) => v + d).filter((x) => x >= 0n && x <= MAX);

// ---------------------------------------------------------------------------------------------------------
// Generators. Each random generator mixes plain values with cases aimed at the op's own failure boundary.

const pair = (rng) => [anyValue(rng), anyValue(rng)];

/** Aave's `(a * b + half) / scale` guarded by a <= (MAX - half) / b; b == 0 never reverts. */
function aaveMul(half, scale) {
  return {
    edges: () => [
      ...cross(EDGE_VALUES, EDGE_VALUES),
      ...[1n, 2n, 3n, half, scale, scale + 1n, 1n << 128n, MAX].flatMap((b) => near((MAX - half) / b).map((a) => [a, b])),
      [MAX, 0n], [0n, MAX],
    ],
    random: (rng) => rng.weighted([
      [5, () => pair(rng)],
      [4, () => { const b = nonZero(rng); return [around(rng, (MAX - half) / b), b]; }],
      [1, () => [anyValue(rng), 0n]],
      [2, () => [scaled(rng), scaled(rng)]],
    ])(),
  };
}

/** Aave's `(a * scale + b / 2) / b` guarded by b != 0 and a <= (MAX - b / 2) / scale. */
function aaveDiv(scale) {
  return {
    edges: () => [
      ...cross(EDGE_VALUES, EDGE_VALUES),
      ...[1n, 2n, 3n, scale, scale + 1n, 1n << 128n, MAX - 1n, MAX].flatMap((b) => near((MAX - b / 2n) / scale).map((a) => [a, b])),
    ],
    random: (rng) => rng.weighted([
      [5, () => pair(rng)],
      [4, () => { const b = anyValue(rng); return [around(rng, (MAX - b / 2n) / scale), b]; }],
      [1, () => [anyValue(rng), 0n]],
      [2, () => [scaled(rng), scaled(rng)]],
    ])(),
  };
}

/** Products x * y near MAX (and x * y + extra near MAX): the checked-multiplication boundary. */
const productEdge = (rng, extra = 0n) => {
  const x = nonZero(rng);
  return [x, clamp(around(rng, (MAX - extra) / x))];
};

/** A case of mulDiv whose x * y lands near d * 2^256: floor(x * y / d) is 2^256 - 1 or overflows. */
function mulDivOverflowEdge(rng) {
  const d = nonZero(rng);
  const x = clamp((1n << 255n) | randomWidth(rng, 255));
  const y = around(rng, ((d << 256n) - 1n) / x);
  return [x, y, d];
}

/**
 * A case of mulDiv whose floor result is exactly MAX with a non-zero remainder, so rounding up overflows:
 * y > d and x = ceil(MAX * d / y) puts x * y in [MAX * d, MAX * d + y); for y = d + small that is usually
 * below MAX * d + d, i.e. floor == MAX.
 */
function mulDivCeilOverflow(rng) {
  const d = clamp(rng.weighted([[1, () => 2n + rng.below(1000n)], [2, () => nonZero(rng) + 1n]])());
  const y = clamp(d + 1n + rng.below(3n));
  const x = clamp((MAX * d + y - 1n) / y + BigInt(rng.int(3) - 1));
  return [x, y, d];
}

function mulDivRandom(rng) {
  const [x, y, d] = rng.weighted([
    [4, () => [anyValue(rng), anyValue(rng), anyValue(rng)]],
    [3, () => mulDivOverflowEdge(rng)],
    [2, () => mulDivCeilOverflow(rng)],
    [1, () => [anyValue(rng), anyValue(rng), 0n]],
    [2, () => [scaled(rng), scaled(rng), rng.pick([WAD, RAY, PERCENTAGE_FACTOR, nonZero(rng)])]],
    [1, () => { const d = nonZero(rng); return [d, around(rng, MAX), d]; }],
  ])();
  return [x, y, d, rng.pick(ROUNDINGS)];
}

/** Small (x, y, d) with floor(x * y / d) == MAX and a non-zero remainder: only rounding up overflows. */
function ceilOverflowEdges() {
  const found = [];
  for (let d = 2n; d <= 40n && found.length < 3; d++) {
    for (let y = d + 1n; y <= d + 5n; y++) {
      const x = (MAX * d + y - 1n) / y;
      if ((x * y) / d === MAX && (x * y) % d !== 0n) {
        found.push([x, y, d]);
        break;
      }
    }
  }
  return found;
}

function mulDivEdges() {
  const xs = [0n, 1n, 3n, 1n << 128n, MAX];
  const ds = [0n, 1n, 3n, 1n << 128n, MAX];
  const cases = [];
  let i = 0;
  for (const x of xs) for (const y of xs) for (const d of ds) cases.push([x, y, d, ROUNDINGS[i++ % 4]]);
  for (const r of ROUNDINGS) {
    cases.push([MAX, MAX, MAX, r], [MAX, MAX, MAX - 1n, r], [MAX, 2n, 2n, r], [MAX, 3n, 2n, r]);
    cases.push(...ceilOverflowEdges().map(([x, y, d]) => [x, y, d, r]));
    cases.push([1n << 255n, 4n, 2n, r], [(1n << 255n) - 1n, 4n, 2n, r]); // 2^256 vs 2^256 - 2
    cases.push([7n, 5n, 3n, r], [6n, 5n, 3n, r], [WAD, RAY, 3n, r]);
  }
  return cases;
}

function rpowRandom(rng) {
  const base = rng.weighted([[5, RAY], [4, WAD], [1, 1n], [1, 10n ** 4n], [1, rng.below(100n)], [1, nonZero(rng)], [1, 0n]]);
  const n = rng.weighted([
    [6, () => rng.below(301n)],
    [2, () => rng.below(1n << 32n)],
    [1, () => rng.pick([31_536_000n, 86_400n, 3_600n, 1n << 64n])],
    [1, () => randomWidth(rng)],
  ])();
  const x = rng.weighted([
    // growth/decay rates per step: base +- base / 10^k
    [6, () => clamp(base + (rng.chance(1, 4) ? -1n : 1n) * (base / 10n ** rng.below(28n)) * (rng.chance(1, 2) ? 1n : rng.below(10n)))],
    [2, () => clamp(rng.below(2n * base + 3n))], // base may be full-width: keep x a uint256
    [1, () => rng.below(20n)],
    [1, () => around(rng, isqrt(MAX - base / 2n))], // the first squaring's overflow edge
    [1, () => anyValue(rng)],
    [1, () => around(rng, 1n << 128n)],
  ])();
  return [x, n, base];
}

function rpowEdges() {
  const cases = [];
  for (const base of [RAY, WAD, 1n, 0n]) {
    for (const n of [0n, 1n, 2n, 3n, 255n, 256n, 300n]) for (const x of [0n, 1n, base, base + 1n, 2n * base, MAX]) cases.push([x, n, base]);
    for (const d of [-1n, 0n, 1n]) cases.push([isqrt(MAX - base / 2n) + d, 2n, base]);
  }
  for (let n = 250n; n <= 257n; n++) cases.push([2n, n, 1n]); // exact integer powers; 2^256 overflows
  cases.push([RAY + 3_170_979_198_376n, 31_536_000n, RAY]); // ~10% APY per-second rate over one year
  cases.push([RAY + 1_000_000_000_000_000_000n, 31_536_000n, RAY]);
  cases.push([RAY - 1n, 1n << 64n, RAY], [RAY / 2n, 300n, RAY], [WAD * 2n, 200n, WAD], [WAD * 2n, 250n, WAD]);
  cases.push([1n << 128n, 2n, 1n], [(1n << 128n) - 1n, 2n, 1n], [(1n << 128n) - 1n, 3n, 1n]);
  return cases;
}

// ---------------------------------------------------------------------------------------------------------
// The registry. `expected` lists every result kind the twin can produce; generate insists they all appear.

const aave = `@aave/core-v3 ${versionOf('@aave/core-v3')}`;
const morpho = `@morpho-org/morpho-blue ${versionOf('@morpho-org/morpho-blue')}`;
const oz = `@openzeppelin/contracts ${versionOf('@openzeppelin/contracts')}`;

const checked = (sym, expected, random, extraEdges = []) => ({
  contract: 'CheckedMathTwin',
  twin: `Solidity 0.8 checked uint256 a ${sym} b (CheckedMathTwin.sol)`,
  expected,
  edges: () => [...cross(EDGE_VALUES, EDGE_VALUES), ...extraEdges],
  random,
});

export const OPS = Object.freeze({
  add: checked('+', [OK, K_11], (rng) => rng.weighted([
    [1, () => pair(rng)], [1, () => { const a = anyValue(rng); return [a, around(rng, MAX - a)]; }],
  ])(), near(MAX).map((a) => [a, 1n])),
  sub: checked('-', [OK, K_11], (rng) => rng.weighted([
    [1, () => pair(rng)], [1, () => { const a = anyValue(rng); return [a, around(rng, a)]; }],
  ])()),
  mul: checked('*', [OK, K_11], (rng) => rng.weighted([[1, () => pair(rng)], [1, () => productEdge(rng)]])(),
    [2n, 3n, WAD, 1n << 128n].flatMap((b) => near(MAX / b).map((a) => [a, b]))),
  div: checked('/', [OK, K_12], (rng) => rng.weighted([
    [3, () => pair(rng)], [1, () => [anyValue(rng), 0n]],
    [1, () => { const a = anyValue(rng); return [a, around(rng, a)]; }],
  ])()),
  mod: checked('%', [OK, K_12], (rng) => rng.weighted([
    [3, () => pair(rng)], [1, () => [anyValue(rng), 0n]],
    [1, () => { const a = anyValue(rng); return [a, around(rng, a)]; }],
  ])()),

  mulDiv: {
    contract: 'OpenZeppelinMathTwin',
    twin: `Math.mulDiv(x, y, d, Math.Rounding) (${oz})`,
    params: ['x', 'y', 'denominator', 'rounding'],
    expected: [OK, K_11, K_12],
    edges: mulDivEdges,
    random: mulDivRandom,
  },

  wadMul: { contract: 'AaveMathTwin', twin: `WadRayMath.wadMul (${aave})`, expected: [OK, K_EMPTY], ...aaveMul(HALF_WAD, WAD) },
  wadDiv: { contract: 'AaveMathTwin', twin: `WadRayMath.wadDiv (${aave})`, expected: [OK, K_EMPTY], ...aaveDiv(WAD) },
  rayMul: { contract: 'AaveMathTwin', twin: `WadRayMath.rayMul (${aave})`, expected: [OK, K_EMPTY], ...aaveMul(HALF_RAY, RAY) },
  rayDiv: { contract: 'AaveMathTwin', twin: `WadRayMath.rayDiv (${aave})`, expected: [OK, K_EMPTY], ...aaveDiv(RAY) },
  rayToWad: {
    contract: 'AaveMathTwin',
    twin: `WadRayMath.rayToWad (${aave})`,
    expected: [OK], // cannot revert: a / 1e9 + 1 never overflows
    edges: () => [
      ...EDGE_VALUES, ...near(WAD_RAY_RATIO / 2n), ...near(WAD_RAY_RATIO), ...near(3n * WAD_RAY_RATIO + WAD_RAY_RATIO / 2n),
      ...near(MAX - (MAX % WAD_RAY_RATIO)), ...near(MAX),
    ].map((a) => [a]),
    random: (rng) => [rng.weighted([
      [3, () => anyValue(rng)],
      [3, () => clamp(rng.below(MAX / WAD_RAY_RATIO) * WAD_RAY_RATIO + around(rng, WAD_RAY_RATIO / 2n))],
      [1, () => clamp(randomWidth(rng) * WAD_RAY_RATIO + rng.pick([0n, WAD_RAY_RATIO - 1n]))],
    ])()],
  },
  wadToRay: {
    contract: 'AaveMathTwin',
    twin: `WadRayMath.wadToRay (${aave})`,
    expected: [OK, K_EMPTY],
    edges: () => [...EDGE_VALUES, ...near(MAX / WAD_RAY_RATIO)].map((a) => [a]),
    random: (rng) => [rng.weighted([[3, () => anyValue(rng)], [2, () => around(rng, MAX / WAD_RAY_RATIO)], [1, () => scaled(rng)]])()],
  },
  percentMul: { contract: 'AaveMathTwin', twin: `PercentageMath.percentMul (${aave})`, expected: [OK, K_EMPTY], params: ['value', 'percentage'], ...aaveMul(HALF_PERCENTAGE_FACTOR, PERCENTAGE_FACTOR) },
  percentDiv: { contract: 'AaveMathTwin', twin: `PercentageMath.percentDiv (${aave})`, expected: [OK, K_EMPTY], params: ['value', 'percentage'], ...aaveDiv(PERCENTAGE_FACTOR) },

  mulDivDown: {
    contract: 'MorphoMathTwin',
    twin: `MathLib.mulDivDown (${morpho})`,
    params: ['x', 'y', 'd'],
    expected: [OK, K_11, K_12],
    edges: () => [...cross(EDGE_VALUES, EDGE_VALUES).map(([x, y]) => [x, y, 3n]), ...cross(EDGE_VALUES, [0n, 1n, WAD, MAX]).map(([x, d]) => [x, 1n, d])],
    random: (rng) => rng.weighted([
      [3, () => [anyValue(rng), anyValue(rng), anyValue(rng)]],
      [3, () => [...productEdge(rng), nonZero(rng)]],
      [1, () => [anyValue(rng), anyValue(rng), 0n]],
      [2, () => [scaled(rng), scaled(rng), rng.pick([WAD, RAY, nonZero(rng)])]],
    ])(),
  },
  mulDivUp: {
    contract: 'MorphoMathTwin',
    twin: `MathLib.mulDivUp (${morpho})`,
    params: ['x', 'y', 'd'],
    expected: [OK, K_11], // d == 0 underflows in `d - 1` before any division: Panic(0x11), never 0x12
    edges: () => [
      ...cross(EDGE_VALUES, EDGE_VALUES).map(([x, y]) => [x, y, 3n]),
      ...cross(EDGE_VALUES, [0n, 1n, WAD, MAX]).map(([x, d]) => [x, 1n, d]),
      ...[2n, WAD, MAX].flatMap((d) => near(MAX - (d - 1n)).map((x) => [x, 1n, d])),
    ],
    random: (rng) => rng.weighted([
      [3, () => [anyValue(rng), anyValue(rng), anyValue(rng)]],
      [3, () => { const d = nonZero(rng); return [...productEdge(rng, d - 1n), d]; }],
      [1, () => [anyValue(rng), anyValue(rng), 0n]],
      [2, () => [scaled(rng), scaled(rng), rng.pick([WAD, RAY, nonZero(rng)])]],
    ])(),
  },
  wMulDown: {
    contract: 'MorphoMathTwin',
    twin: `MathLib.wMulDown (${morpho})`,
    expected: [OK, K_11],
    edges: () => [...cross(EDGE_VALUES, EDGE_VALUES), ...near(MAX / WAD).map((x) => [x, WAD])],
    random: (rng) => rng.weighted([[3, () => pair(rng)], [3, () => productEdge(rng)], [2, () => [scaled(rng), scaled(rng)]]])(),
  },
  wDivDown: {
    contract: 'MorphoMathTwin',
    twin: `MathLib.wDivDown (${morpho})`,
    expected: [OK, K_11, K_12],
    edges: () => [...cross(EDGE_VALUES, EDGE_VALUES), ...near(MAX / WAD).map((x) => [x, 1n])],
    random: (rng) => rng.weighted([
      [3, () => pair(rng)], [2, () => [around(rng, MAX / WAD), anyValue(rng)]],
      [1, () => [anyValue(rng), 0n]], [2, () => [scaled(rng), scaled(rng)]],
    ])(),
  },
  wDivUp: {
    contract: 'MorphoMathTwin',
    twin: `MathLib.wDivUp (${morpho})`,
    expected: [OK, K_11], // y == 0 is Panic(0x11) (the `d - 1` underflow), like mulDivUp
    edges: () => [...cross(EDGE_VALUES, EDGE_VALUES), ...[1n, 2n, WAD, MAX].flatMap((y) => near((MAX - (y - 1n)) / WAD).map((x) => [x, y]))],
    random: (rng) => rng.weighted([
      [3, () => pair(rng)],
      [3, () => { const y = nonZero(rng); return [around(rng, (MAX - (y - 1n)) / WAD), y]; }],
      [1, () => [anyValue(rng), 0n]], [2, () => [scaled(rng), scaled(rng)]],
    ])(),
  },

  rpow: {
    contract: 'MakerRpowTwin',
    twin: 'MakerRpow.rpow (our twin of makerdao/dss src/jug.sol rpow @ 018f9663a8e0c5d428b38c7d10e85404b2e86d23; MakerRpow.sol)',
    params: ['x', 'n', 'base'],
    expected: [OK, K_EMPTY],
    edges: rpowEdges,
    random: rpowRandom,
  },

  ...PROFILE_OPS,
});

/** Names of all ops, in registry order. */
export const OP_NAMES = Object.freeze(Object.keys(OPS));

/** The ABI function an op calls: the op's name on its twin contract, or the profile op's declared function. */
export const functionOf = (op) => OPS[op].function ?? op;

/** BOUNDARY_POOL is exported for tests. */
export { BOUNDARY_POOL };
