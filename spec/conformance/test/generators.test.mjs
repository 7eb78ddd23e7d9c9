import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SplitMix64 } from '../lib/prng.mjs';
import { BOUNDARY_POOL, MAX, WAD, RAY, HALF_WAD, isqrt, randomWidth, scaled, anyValue, around } from '../lib/values.mjs';
import { OPS, OP_NAMES, ROUNDINGS } from '../lib/ops.mjs';
import { casesFor } from '../lib/cases.mjs';

test('the boundary pool holds the classic boundaries, sorted, unique and in range', () => {
  const pool = new Set(BOUNDARY_POOL);
  for (const v of [0n, 1n, 2n, MAX, MAX - 1n, 1n << 255n, (1n << 128n) - 1n, (1n << 64n) + 1n, 10n ** 77n, 10n ** 18n - 1n, WAD, RAY + 1n, HALF_WAD]) {
    assert.ok(pool.has(v), `missing ${v}`);
  }
  assert.ok(!pool.has(1n << 256n) && !pool.has(10n ** 78n));
  for (let i = 1; i < BOUNDARY_POOL.length; i++) assert.ok(BOUNDARY_POOL[i - 1] < BOUNDARY_POOL[i]);
  assert.ok(BOUNDARY_POOL.every((v) => v >= 0n && v <= MAX));
});

test('isqrt is the floor square root', () => {
  for (const n of [0n, 1n, 2n, 3n, 4n, 15n, 16n, 17n, MAX, 1n << 255n, 10n ** 54n]) {
    const r = isqrt(n);
    assert.ok(r * r <= n && (r + 1n) * (r + 1n) > n, `isqrt(${n})`);
  }
});

test('random widths cover every bit length from 0 to 256', () => {
  const r = new SplitMix64(3n);
  const lengths = new Set();
  for (let i = 0; i < 20000; i++) {
    const v = randomWidth(r);
    lengths.add(v === 0n ? 0 : v.toString(2).length);
  }
  assert.equal(lengths.size, 257);
});

test('value sources stay within uint256; around() stays within 2 of its centre', () => {
  const r = new SplitMix64(4n);
  for (let i = 0; i < 5000; i++) {
    for (const v of [anyValue(r), scaled(r)]) assert.ok(v >= 0n && v <= MAX);
    const c = r.bits(200);
    const a = around(r, c);
    assert.ok(a >= c - 2n && a <= c + 2n);
  }
  assert.ok(around(r, MAX) <= MAX && around(r, 0n) >= 0n);
});

test('every generated case is well formed for its op', () => {
  for (const op of OP_NAMES) {
    const arity = OPS[op].edges()[0].length;
    for (const args of casesFor(op, 11n, 600)) {
      // aaveV3.userAccountData is variadic: n, then n groups of 7.
      assert.equal(args.length, OPS[op].variadic ? 1 + 7 * Number(args[0]) : arity, op);
      args.forEach((a, i) => {
        if (op === 'mulDiv' && i === 3) assert.ok(ROUNDINGS.includes(a));
        else assert.ok(typeof a === 'bigint' && a >= 0n && a <= MAX, `${op} arg ${a}`);
      });
    }
  }
});

test('generators aim at the overflow boundaries', () => {
  // Independent arithmetic on the generated inputs: each boundary must be hit from both sides.
  const count = (op, pred) => casesFor(op, 5n, 3000).filter(pred).length;
  const wadMulGuard = ([a, b]) => b !== 0n && a > (MAX - HALF_WAD) / b;
  assert.ok(count('wadMul', ([a, b]) => b !== 0n && a === (MAX - HALF_WAD) / b) > 20, 'wadMul: a exactly at the guard');
  assert.ok(count('wadMul', ([a, b]) => b !== 0n && a === (MAX - HALF_WAD) / b + 1n) > 20, 'wadMul: a one past the guard');
  assert.ok(count('wadMul', wadMulGuard) > 100);
  assert.ok(count('mul', ([a, b]) => a * b > MAX && a * b - MAX < a) > 50, 'mul: products just above MAX');
  assert.ok(count('mul', ([a, b]) => a * b <= MAX && MAX - a * b < a) > 50, 'mul: products just below MAX');
  // mulDiv: results of exactly MAX with a remainder (only rounding up overflows), and results of 2^256.
  const floorIsMaxWithRemainder = ([x, y, d]) => d !== 0n && (x * y) / d === MAX && (x * y) % d !== 0n;
  assert.ok(count('mulDiv', (c) => floorIsMaxWithRemainder(c) && (c[3] === 'ceil' || c[3] === 'expand')) > 20);
  assert.ok(count('mulDiv', (c) => floorIsMaxWithRemainder(c) && (c[3] === 'floor' || c[3] === 'trunc')) > 20);
  assert.ok(count('mulDiv', ([x, y, d]) => d !== 0n && (x * y) / d === 1n << 256n) > 10, 'mulDiv: result exactly 2^256');
  // rpow: many successes near RAY/WAD with long exponents, and overflows.
  assert.ok(count('rpow', ([x, n, b]) => b === RAY && x > RAY && n >= 1000n) > 20);
  assert.ok(count('rpow', ([x, n]) => x >= 1n << 128n && n >= 2n) > 20);
});

test('every generated argument is a uint256 for many seeds (a live run uses a fresh seed each time)', () => {
  // Seed 39173187223878 once produced an rpow x above 2^256 - 1 from a full-width random base.
  const seeds = [39173187223878n, ...Array.from({ length: 4 }, (_, i) => BigInt(i) * 1_000_003n + 7n)];
  for (const seed of seeds) {
    for (const op of OP_NAMES) {
      casesFor(op, seed, 10_000).forEach((args, k) => args.forEach((a, i) => {
        if (typeof a === 'bigint') assert.ok(a >= 0n && a <= MAX, `seed ${seed} op ${op} case ${k} arg ${i} = ${a}`);
      }));
    }
  }
});
