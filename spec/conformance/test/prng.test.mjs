import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SplitMix64, parseSeed, hash64 } from '../lib/prng.mjs';
import { casesFor } from '../lib/cases.mjs';
import { OP_NAMES } from '../lib/ops.mjs';

test('SplitMix64 matches the reference C implementation', () => {
  // Reference values from Vigna's splitmix64.c with x = 0 and x = 1234567.
  const r0 = new SplitMix64(0n);
  assert.deepEqual([r0.next64(), r0.next64(), r0.next64()], [0xe220a8397b1dcdafn, 0x6e789e6aa1b965f4n, 0x06c45d188009454fn]);
  const r1 = new SplitMix64(1234567n);
  assert.deepEqual([r1.next64(), r1.next64()], [0x599ed017fb08fc85n, 0x2c73f08458540fa5n]);
});

test('same seed and stream give the same sequence; different ones differ', () => {
  const draw = (seed, name) => { const r = SplitMix64.forStream(seed, name); return Array.from({ length: 20 }, () => r.bits(256)); };
  assert.deepEqual(draw(42n, 'wadMul'), draw(42n, 'wadMul'));
  assert.notDeepEqual(draw(42n, 'wadMul'), draw(43n, 'wadMul'));
  assert.notDeepEqual(draw(42n, 'wadMul'), draw(42n, 'rayMul'));
});

test('bits, below, range and int stay in range and reach both ends', () => {
  const r = new SplitMix64(7n);
  let sawZero = false;
  let sawTop = false;
  for (let i = 0; i < 4000; i++) {
    const v = r.below(5n);
    assert.ok(v >= 0n && v < 5n);
    sawZero ||= v === 0n;
    sawTop ||= v === 4n;
    const b = r.bits(3);
    assert.ok(b >= 0n && b < 8n);
    const g = r.range(10n, 12n);
    assert.ok(g >= 10n && g <= 12n);
  }
  assert.ok(sawZero && sawTop);
  assert.equal(r.bits(0), 0n);
  assert.ok(r.bits(256) < 1n << 256n);
  assert.throws(() => r.below(0n), /n > 0/);
});

test('parseSeed takes base 10 and 0x-hex 64-bit seeds and names bad input', () => {
  assert.equal(parseSeed('12345'), 12345n);
  assert.equal(parseSeed('0xFFFFFFFFFFFFFFFF'), (1n << 64n) - 1n);
  assert.throws(() => parseSeed('18446744073709551616'), /64 bits.*18446744073709551616/);
  assert.throws(() => parseSeed('abc'), /seed must be.*"abc"/);
  assert.throws(() => parseSeed(''), /seed must be/);
});

test('hash64 is FNV-1a 64', () => {
  assert.equal(hash64(''), 0xcbf29ce484222325n);
  assert.equal(hash64('a'), 0xaf63dc4c8601ec8cn);
});

test('case lists are deterministic, prefix-stable and independent of other ops', () => {
  for (const op of OP_NAMES) {
    const a = casesFor(op, 99n, 400);
    assert.deepEqual(casesFor(op, 99n, 400), a, op);
    assert.deepEqual(casesFor(op, 99n, 250), a.slice(0, 250), op);
    assert.equal(new Set(a.map(String)).size, a.length, `${op}: duplicate cases`);
  }
  assert.notDeepEqual(casesFor('add', 1n, 600).slice(200), casesFor('add', 2n, 600).slice(200));
});
