// Seeded deterministic PRNG over BigInt (SplitMix64). Never Math.random: every case must replay from its seed.

const MASK64 = (1n << 64n) - 1n;
const GOLDEN = 0x9e3779b97f4a7c15n;

/** Parses a seed given as base-10 or 0x-hex digits into a 64-bit BigInt. */
export function parseSeed(text) {
  const s = String(text).trim();
  if (!/^(0x[0-9a-fA-F]{1,16}|[0-9]{1,20})$/.test(s)) {
    throw new Error(`seed must be a 64-bit integer in base 10 or 0x-hex, got "${text}"`);
  }
  const v = BigInt(s);
  if (v > MASK64) throw new Error(`seed must fit in 64 bits, got ${text}`);
  return v;
}

/** FNV-1a 64 of a string: gives every op its own stream, independent of which other ops run. */
export function hash64(text) {
  let h = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(text, 'utf8')) {
    h ^= BigInt(byte);
    h = (h * 0x100000001b3n) & MASK64;
  }
  return h;
}

export class SplitMix64 {
  #state;

  constructor(seed) {
    this.#state = BigInt.asUintN(64, BigInt(seed));
  }

  /** A generator for a named sub-stream: same (seed, name) gives the same sequence. */
  static forStream(seed, name) {
    return new SplitMix64(BigInt.asUintN(64, BigInt(seed) ^ hash64(name)));
  }

  /** Next 64 random bits. */
  next64() {
    this.#state = (this.#state + GOLDEN) & MASK64;
    let z = this.#state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
    return z ^ (z >> 31n);
  }

  /** k uniformly random bits as a BigInt in [0, 2^k). */
  bits(k) {
    let v = 0n;
    let have = 0;
    while (have < k) {
      v = (v << 64n) | this.next64();
      have += 64;
    }
    return v >> BigInt(have - k);
  }

  /** Uniform BigInt in [0, n) by rejection (no modulo bias). */
  below(n) {
    const bound = BigInt(n);
    if (bound <= 0n) throw new RangeError('below(n) needs n > 0');
    const k = bound.toString(2).length;
    for (;;) {
      const v = this.bits(k);
      if (v < bound) return v;
    }
  }

  /** Uniform integer (Number) in [0, n). */
  int(n) {
    return Number(this.below(BigInt(n)));
  }

  /** Uniform BigInt in [lo, hi] inclusive. */
  range(lo, hi) {
    return BigInt(lo) + this.below(BigInt(hi) - BigInt(lo) + 1n);
  }

  /** True with probability num/den. */
  chance(num, den) {
    return this.int(den) < num;
  }

  pick(items) {
    return items[this.int(items.length)];
  }

  /** Picks one of several [weight, value] pairs by weight. */
  weighted(pairs) {
    const total = pairs.reduce((s, [w]) => s + w, 0);
    let r = this.int(total);
    for (const [w, v] of pairs) {
      if (r < w) return v;
      r -= w;
    }
    throw new Error('unreachable');
  }
}
