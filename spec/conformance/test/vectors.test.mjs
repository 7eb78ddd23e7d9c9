import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AbiCoder, keccak256, id, getAddress } from 'ethers';
import { OP_NAMES, OPS } from '../lib/ops.mjs';
import { countKinds, kindProblems } from '../lib/vectors.mjs';
import { ABI_TYPES } from '../lib/abi-vectors.mjs';
import { model } from './models.mjs';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../vectors');
const load = (f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8'));

test('there is one vector file per op, plus abi.json, and nothing else', () => {
  assert.deepEqual(readdirSync(dir).sort(), [...OP_NAMES.map((o) => `${o}.json`), 'abi.json'].sort());
});

test('op vectors: shape, coverage of every result kind, and agreement with the BigInt models', () => {
  for (const op of OP_NAMES) {
    const v = load(`${op}.json`);
    assert.deepEqual(Object.keys(v), ['op', 'twin', 'solc', 'seed', 'cases']);
    assert.equal(v.op, op);
    assert.equal(v.twin, OPS[op].twin);
    assert.equal(v.solc, '0.8.37');
    assert.ok(v.cases.length >= 400 && v.cases.length <= 600, `${op}: ${v.cases.length} cases`);
    for (const c of v.cases) {
      assert.ok(c.args.every((a) => typeof a === 'string'));
      assert.ok(('ok' in c) !== ('revert' in c));
      if (c.ok) assert.ok(c.ok.every((s) => /^(0|[1-9][0-9]*)$/.test(s)));
      else assert.match(c.revert, /^0x([0-9a-f]{2})*$/);
      assert.deepEqual(c.ok ? { ok: c.ok } : { revert: c.revert }, model(op, c.args), `${op}(${c.args})`);
    }
    assert.deepEqual(kindProblems(op, countKinds(v.cases)), []);
  }
});

test('one case per line', () => {
  const lines = readFileSync(path.join(dir, 'wadMul.json'), 'utf8').split('\n');
  assert.ok(lines.filter((l) => l.startsWith('    {"args":')).length >= 400);
});

test('abi.json: shape and re-derivation with ethers', () => {
  const v = load('abi.json');
  assert.deepEqual(Object.keys(v), ['encode', 'selectors', 'topics', 'keccak']);
  assert.ok(v.encode.length >= 200);
  const seenTypes = new Set();
  for (const e of v.encode) {
    assert.ok(e.types.length >= 1 && e.types.length <= 6);
    e.types.forEach((t, i) => {
      seenTypes.add(t);
      const val = e.values[i];
      if (t === 'address') assert.equal(val, getAddress(val));
      if (t.startsWith('uint') && !t.endsWith('[]')) assert.match(val, /^(0|[1-9][0-9]*)$/);
      if (t === 'bool') assert.equal(typeof val, 'boolean');
    });
    const coder = AbiCoder.defaultAbiCoder();
    // Decoding the stored bytes must give back the stored values.
    const decoded = coder.decode(e.types, e.encoded);
    e.types.forEach((t, i) => {
      const d = decoded[i];
      const norm = t.endsWith('[]') ? [...d].map(String) : typeof d === 'bigint' ? d.toString() : d;
      assert.deepEqual(norm, e.values[i], `${t}`);
    });
  }
  assert.deepEqual([...seenTypes].sort(), [...ABI_TYPES].sort());
  assert.ok(v.encode.some((e) => e.types.includes('string') && e.values[e.types.indexOf('string')] === ''));
  assert.ok(v.encode.some((e) => e.values.some((x) => typeof x === 'string' && /[^\x00-\x7f]/.test(x))));
  assert.ok(v.encode.some((e) => e.types.includes('address[]') && e.values[e.types.indexOf('address[]')].length === 0));
  const sigs = v.selectors.map((s) => s.signature);
  for (const s of ['transfer(address,uint256)', 'Panic(uint256)', 'Error(string)', 'LiquidationCall(address,address,address,uint256,uint256,address,bool)']) assert.ok(sigs.includes(s));
  assert.equal(v.selectors.find((s) => s.signature === 'transfer(address,uint256)').selector, '0xa9059cbb');
  assert.equal(v.selectors.find((s) => s.signature === 'Error(string)').selector, '0x08c379a0');
  assert.equal(v.selectors.find((s) => s.signature === 'Panic(uint256)').selector, '0x4e487b71');
  for (const t of v.topics) assert.equal(t.topic, id(t.signature));
  assert.deepEqual(v.keccak.map((k) => (k.input.length - 2) / 2), Array.from({ length: 301 }, (_, i) => i));
  // Known answers, not from ethers: keccak256("") and keccak256(0x00).
  assert.equal(v.keccak[0].hash, '0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470');
  for (const k of v.keccak) assert.equal(k.hash, keccak256(k.input));
  assert.equal(keccak256('0x00'), '0xbc36789e7a1e281436464229828f817d6612f7b477d66591ff96a9e064bcc98a');
});
