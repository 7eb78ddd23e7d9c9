import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OPS, OP_NAMES, kindOf } from '../lib/ops.mjs';
import { casesFor } from '../lib/cases.mjs';
import { errorKind } from '../lib/profile-ops.mjs';
import { errorData } from './profile-models.mjs';

const U128 = (1n << 128n) - 1n;

// Arguments the protocols store in narrow fields: liqengine eval answers out-of-range values with an error, so the
// generators must never produce them (a differential run would count an "error" answer as a mismatch).
const DOMAINS = {
  'aaveV3.userAccountData': (args) => {
    for (let i = 1; i < args.length; i += 7) {
      const [, , , decimals, ltv, lt, used] = args.slice(i, i + 7);
      assert.ok(decimals <= 255n && ltv <= 65535n && lt <= 65535n && (used === 0n || used === 1n), String(args));
    }
  },
  'aaveV3.liquidationQuote': (a) => assert.ok(a[5] <= 255n && a[7] <= 255n && a[8] <= 65535n && a[9] <= 65535n, String(a)),
  'morphoBlue.isHealthy': (a) => assert.ok(a.slice(0, 4).every((v) => v <= U128), String(a)),
  'morphoBlue.liquidate': (a) => assert.ok(a.slice(0, 5).every((v) => v <= U128), String(a)),
};

test('profile generators stay inside the protocols\' field ranges', () => {
  for (const [op, check] of Object.entries(DOMAINS)) for (const args of casesFor(op, 0x5eedn, 3000)) check(args);
});

test('every profile op is registered with its twin, parameters and result kinds', () => {
  const profileOps = OP_NAMES.filter((o) => o.includes('.'));
  assert.deepEqual(profileOps, OP_NAMES.filter((o) => OPS[o].function));
  for (const op of profileOps) {
    assert.ok(OPS[op].params.length >= 1 && OPS[op].twin.length > 0 && OPS[op].expected.includes('ok'), op);
  }
});

test('Error(string) revert data is named by its reason', () => {
  assert.equal(errorData('45'), '0x08c379a0' + '20'.padStart(64, '0') + '2'.padStart(64, '0') + '3435'.padEnd(64, '0'));
  assert.equal(kindOf({ revert: errorData('Dog/not-unsafe') }), errorKind('Dog/not-unsafe'));
  assert.equal(kindOf({ revert: errorData('') }), 'revert Error("")');
  assert.equal(kindOf({ revert: '0x08c379a0' }), 'revert 0x08c379a0...(4 bytes)');
});
