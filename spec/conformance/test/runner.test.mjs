import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { Interface } from 'ethers';
import { TwinRunner } from '../lib/runner.mjs';
import { encodeUintCall, encodeBatch, decodeBatch, hexOf } from '../lib/abi-fast.mjs';
import { OPS, OP_NAMES, OVERFLOW, DIVISION_BY_ZERO, EMPTY, ROUNDINGS } from '../lib/ops.mjs';
import { casesFor, argsToStrings } from '../lib/cases.mjs';
import { MAX, WAD, RAY } from '../lib/values.mjs';
import { model } from './models.mjs';

let runner;
before(async () => {
  runner = await TwinRunner.create();
});

const P11 = '0x4e487b710000000000000000000000000000000000000000000000000000000000000011';
const P12 = '0x4e487b710000000000000000000000000000000000000000000000000000000000000012';

test('known results, hand-computed', async () => {
  const cases = [
    ['wadMul', [WAD, WAD], { ok: [WAD.toString()] }],
    ['wadMul', [MAX, 2n], { revert: '0x' }], // Aave guards overflow with revert(0, 0): empty revert data
    ['wadMul', [3n, HALF(WAD)], { ok: ['2'] }], // 1.5 rounds half up
    ['add', [MAX, 1n], { revert: P11 }],
    ['sub', [0n, 1n], { revert: P11 }],
    ['div', [1n, 0n], { revert: P12 }],
    ['mod', [7n, 0n], { revert: P12 }],
    ['mulDiv', [MAX, MAX, MAX, 'floor'], { ok: [MAX.toString()] }],
    ['mulDiv', [1n, 1n, 0n, 'ceil'], { revert: P12 }],
    ['mulDiv', [MAX, 2n, 1n, 'floor'], { revert: P11 }],
    ['mulDiv', [7n, 1n, 2n, 'floor'], { ok: ['3'] }],
    ['mulDiv', [7n, 1n, 2n, 'ceil'], { ok: ['4'] }],
    ['mulDiv', [7n, 1n, 2n, 'trunc'], { ok: ['3'] }],
    ['mulDiv', [7n, 1n, 2n, 'expand'], { ok: ['4'] }],
    ['mulDivUp', [1n, 1n, 0n], { revert: P11 }], // d - 1 underflows before the division
    ['mulDivDown', [1n, 1n, 0n], { revert: P12 }],
    ['wDivUp', [1n, 0n], { revert: P11 }],
    ['rayToWad', [1_500_000_000n], { ok: ['2'] }],
    ['rayToWad', [1_499_999_999n], { ok: ['1'] }],
    ['rayToWad', [MAX], { ok: [(MAX / 10n ** 9n).toString()] }], // MAX % 1e9 = 129639935 < 5e8: rounds down
    ['rayToWad', [MAX - 129_639_935n - 500_000_000n], { ok: [(MAX / 10n ** 9n).toString()] }], // ...x.5 rounds up
    ['wadToRay', [MAX / 10n ** 9n + 1n], { revert: '0x' }],
    ['percentMul', [10_000n, 5_000n], { ok: ['5000'] }],
    ['percentDiv', [1n, 0n], { revert: '0x' }],
    ['rpow', [RAY, 31_536_000n, RAY], { ok: [RAY.toString()] }],
    ['rpow', [2n, 10n, 1n], { ok: ['1024'] }],
    ['rpow', [2n, 256n, 1n], { revert: '0x' }],
    ['rpow', [0n, 0n, RAY], { ok: [RAY.toString()] }],
    ['rpow', [5n, 3n, 0n], { ok: ['0'] }], // base 0 does not revert: EVM division by zero is 0
    ['rpow', [2n * WAD, 3n, WAD], { ok: [(8n * WAD).toString()] }],
  ];
  for (const [op, args, want] of cases) {
    assert.deepEqual(await runner.runSingle(op, args), want, `${op}(${args})`);
    assert.deepEqual((await runner.run(op, [args]))[0], want, `${op}(${args}) batched`);
  }
  assert.equal(OVERFLOW, P11);
  assert.equal(DIVISION_BY_ZERO, P12);
  assert.equal(EMPTY, '0x');
});
function HALF(v) { return v / 2n; }

test('hand-rolled calldata equals ethers Interface encoding', () => {
  const r = new Interface(['function mulDiv(uint256,uint256,uint256,uint8)', 'function rpow(uint256,uint256,uint256)']);
  for (const [x, y, d] of [[0n, 1n, MAX], [MAX, 12345n, WAD]]) {
    assert.equal(hexOf(runner.calldata('mulDiv', [x, y, d, 'expand'])), r.encodeFunctionData('mulDiv', [x, y, d, 3]));
    assert.equal(hexOf(encodeUintCall(r.getFunction('rpow').selector, [x, y, d])), r.encodeFunctionData('rpow', [x, y, d]));
  }
});

test('the rounding modes map to OpenZeppelin 5 Math.Rounding order', () => {
  assert.deepEqual(ROUNDINGS, ['floor', 'ceil', 'trunc', 'expand']);
  assert.throws(() => runner.calldata('mulDiv', [1n, 1n, 1n, 'up']), /rounding must be one of floor\|ceil\|trunc\|expand, got "up"/);
  assert.throws(() => runner.calldata('wadMul', [1n]), /wadMul takes 2 args, got 1/);
  assert.throws(() => runner.calldata('add', [1n << 256n, 0n]), /not a uint256/);
});

test('batch layout round-trips and decodes what BatchCaller returns', async () => {
  const data = encodeBatch('0x00000000000000000000000000000000000000aa', [Uint8Array.of(1, 2, 3), new Uint8Array(0)]);
  assert.equal(data.length, 32 + 32 + 3 + 32);
  const out = decodeBatch(Uint8Array.from(Buffer.from(
    '80000000000000000000000000000000000000000000000000000000000000200000000000000000000000000000000000000000000000000000000000000007'
    + '0000000000000000000000000000000000000000000000000000000000000000', 'hex')));
  assert.equal(out.length, 2);
  assert.equal(out[0].success, true);
  assert.equal(hexOf(out[0].returnData), '0x0000000000000000000000000000000000000000000000000000000000000007');
  assert.equal(out[1].success, false);
  assert.equal(hexOf(out[1].returnData), '0x');
});

test('batched execution equals one message per case', async () => {
  for (const op of OP_NAMES) {
    const cases = casesFor(op, 21n, 40);
    const batched = await runner.run(op, cases);
    for (let i = 0; i < cases.length; i++) assert.deepEqual(batched[i], await runner.runSingle(op, cases[i]), `${op}(${cases[i]})`);
  }
});

test('the EVM twins agree with independent BigInt models', async () => {
  for (const op of OP_NAMES) {
    const cases = casesFor(op, 0xbeefn, 300);
    const results = await runner.run(op, cases);
    cases.forEach((args, i) => assert.deepEqual(results[i], model(op, argsToStrings(args)), `${op}(${argsToStrings(args)})`));
  }
});

test('every op has a twin function with uint256 inputs and one uint256 output', () => {
  for (const op of OP_NAMES.filter((o) => !OPS[o].function)) {
    const { inputs, outputs } = runner.selectors[op];
    assert.deepEqual(outputs, ['uint256'], op);
    assert.ok(inputs.every((t) => t === 'uint256' || (op === 'mulDiv' && t === 'uint8')), op);
    assert.ok(OPS[op].twin.length > 0);
  }
});

test('every profile op has a twin function of static words in and out', () => {
  const profileOps = OP_NAMES.filter((o) => OPS[o].function);
  assert.equal(profileOps.length, 11);
  for (const op of profileOps) {
    const { inputs, outputs } = runner.selectors[op];
    if (OPS[op].variadic) assert.deepEqual(inputs, ['uint256[]'], op);
    else {
      assert.equal(inputs.length, OPS[op].params.length, op);
      assert.ok(inputs.every((t) => t === 'uint256' || t === 'uint128'), op);
    }
    assert.ok(outputs.length >= 1 && outputs.every((t) => t === 'uint256' || t === 'bool'), op);
  }
});
