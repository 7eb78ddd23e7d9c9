// Deterministic case streams: for an op and a seed, the hand-picked edges first, then seeded random cases.
import { SplitMix64 } from './prng.mjs';
import { OPS } from './ops.mjs';

const keyOf = (args) => args.map(String).join(',');

/**
 * The first `count` distinct cases of `op` for `seed`: all hand-picked edge cases (or as many as fit), then
 * random ones from the op's own stream (SplitMix64 seeded with seed ^ FNV-1a(op)), so a case list depends only
 * on (op, seed, count) and not on which other ops run.
 */
export function casesFor(op, seed, count) {
  const spec = OPS[op];
  if (!spec) throw new Error(`unknown op "${op}"`);
  const seen = new Set();
  const out = [];
  const push = (args) => {
    const key = keyOf(args);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(args);
  };
  for (const args of spec.edges()) {
    if (out.length >= count) return out;
    push(args);
  }
  const rng = SplitMix64.forStream(seed, op);
  for (let misses = 0; out.length < count; ) {
    const before = out.length;
    push(spec.random(rng));
    misses = out.length === before ? misses + 1 : 0;
    if (misses > 10_000) throw new Error(`op ${op}: the generator keeps repeating itself`);
  }
  return out;
}

/** Args as the eval protocol sends them: base-10 strings for numbers, literals as they are. */
export const argsToStrings = (args) => args.map((a) => (typeof a === 'bigint' ? a.toString(10) : a));
