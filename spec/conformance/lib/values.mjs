// uint256 value sources for case generation: boundary pools, random widths and fixed-point scales.

export const MAX = (1n << 256n) - 1n;
export const WAD = 10n ** 18n;
export const RAY = 10n ** 27n;
export const HALF_WAD = WAD / 2n;
export const HALF_RAY = RAY / 2n;
export const PERCENTAGE_FACTOR = 10n ** 4n;
export const HALF_PERCENTAGE_FACTOR = PERCENTAGE_FACTOR / 2n;
export const WAD_RAY_RATIO = 10n ** 9n;

/** Clamps into [0, MAX]; values outside are not uint256. */
export const clamp = (v) => (v < 0n ? 0n : v > MAX ? MAX : v);

/** Floor square root of a non-negative BigInt (Newton). */
export function isqrt(n) {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/**
 * Every classic boundary: 0..3, MAX and MAX-1..-2, 2^k and 2^k±1 for k = 1..255, 10^k and 10^k±1 for
 * k = 0..77, and the fixed-point constants. Sorted, unique, all in [0, MAX].
 */
export const BOUNDARY_POOL = (() => {
  const set = new Set([0n, 1n, 2n, 3n, MAX, MAX - 1n, MAX - 2n, MAX / 2n, MAX / 2n + 1n]);
  for (let k = 1n; k < 256n; k++) for (const d of [-1n, 0n, 1n]) set.add((1n << k) + d);
  for (let k = 0n; 10n ** k <= MAX; k++) for (const d of [-1n, 0n, 1n]) set.add(10n ** k + d);
  for (const c of [HALF_WAD, HALF_RAY, HALF_PERCENTAGE_FACTOR, WAD_RAY_RATIO / 2n]) {
    for (const d of [-1n, 0n, 1n]) set.add(c + d);
  }
  return Object.freeze([...set].filter((v) => v >= 0n && v <= MAX).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
})();

/** A small set for hand-picked cross products. */
export const EDGE_VALUES = Object.freeze([0n, 1n, 2n, 3n, HALF_WAD, WAD - 1n, WAD, WAD + 1n, RAY, 1n << 128n, 1n << 255n, MAX - 1n, MAX]);

/** Random bit length in [0, maxBits], then random bits with that exact length (0 for length 0). */
export function randomWidth(rng, maxBits = 256) {
  const len = rng.int(maxBits + 1);
  if (len === 0) return 0n;
  return (1n << BigInt(len - 1)) | rng.bits(len - 1);
}

/** A value at fixed-point scale: a random multiple of WAD, RAY or a percentage unit, with a random fraction. */
export function scaled(rng) {
  const unit = rng.pick([WAD, RAY, PERCENTAGE_FACTOR, WAD, RAY]);
  const whole = rng.weighted([[4, () => rng.below(3n)], [3, () => rng.below(1000n)], [2, () => rng.below(10n ** 12n)], [1, () => randomWidth(rng, 120)]])();
  const frac = rng.weighted([[2, 0n], [1, unit / 2n], [5, rng.below(unit)]]);
  return clamp(whole * unit + frac);
}

/** A value near v: v + d for d in [-2, 2], clamped into uint256. */
export function around(rng, v) {
  return clamp(v + BigInt(rng.int(5) - 2));
}

/** One uint256 from the general mix: boundaries, random widths, fixed-point scales. */
export function anyValue(rng) {
  return rng.weighted([
    [3, () => rng.pick(BOUNDARY_POOL)],
    [4, () => randomWidth(rng)],
    [2, () => scaled(rng)],
    [1, () => rng.below(1000n)],
  ])();
}

/** A non-zero uint256 from the general mix. */
export function nonZero(rng) {
  const v = anyValue(rng);
  return v === 0n ? 1n : v;
}
