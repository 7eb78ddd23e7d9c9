// spec/vectors/abi.json: ABI encoding, selector, event topic and keccak256 vectors for the C# ABI codec,
// produced by ethers from seeded random inputs.
import { AbiCoder, getAddress, id, keccak256, hexlify } from 'ethers';
import { SplitMix64 } from './prng.mjs';
import { anyValue, randomWidth, MAX } from './values.mjs';

export const ABI_TYPES = Object.freeze(['uint256', 'uint8', 'uint64', 'uint128', 'address', 'bool', 'bytes32', 'bytes', 'string', 'uint256[]', 'address[]']);

const randomBytes = (rng, n) => {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = Number(rng.bits(8));
  return out;
};
const hex = (bytes) => hexlify(bytes);

const uintOf = (rng, bits) => {
  const max = (1n << BigInt(bits)) - 1n;
  return rng.weighted([[2, () => rng.pick([0n, 1n, max, max - 1n, 1n << BigInt(bits - 1)])], [3, () => randomWidth(rng, bits)]])();
};

function address(rng) {
  const bytes = rng.weighted([
    [1, () => new Uint8Array(20)],
    [1, () => new Uint8Array(20).fill(0xff)],
    [8, () => randomBytes(rng, 20)],
  ])();
  return getAddress(hex(bytes));
}

// Pieces for strings: ASCII, 2-, 3- and 4-byte UTF-8 sequences, a combining mark, a NUL.
const STRING_PIECES = ['a', 'Z', ' ', '0', 'liquidation', 'é', 'ß', 'Ω', 'ж', '中', '文', '日本語', '€', '\u0301', '🦄', '💧', '\u0000', '"', '\\', '\n'];

function string(rng) {
  return rng.weighted([
    [1, () => ''],
    [1, () => 'x'.repeat(rng.pick([31, 32, 33, 64]))],
    [6, () => { let s = ''; const n = rng.int(12); for (let i = 0; i < n; i++) s += rng.pick(STRING_PIECES); return s; }],
  ])();
}

const bytesLength = (rng) => rng.weighted([[3, () => rng.pick([0, 1, 31, 32, 33, 63, 64, 65])], [2, () => rng.int(200)]])();

/** A JSON-ready value of the given ABI type (uints as base-10 strings, bytes as 0x-hex). */
function valueOf(rng, type) {
  switch (type) {
    case 'uint256': return anyValue(rng).toString();
    case 'uint8': return uintOf(rng, 8).toString();
    case 'uint64': return uintOf(rng, 64).toString();
    case 'uint128': return uintOf(rng, 128).toString();
    case 'address': return address(rng);
    case 'bool': return rng.chance(1, 2);
    case 'bytes32': return hex(rng.chance(1, 8) ? new Uint8Array(32) : randomBytes(rng, 32));
    case 'bytes': return hex(randomBytes(rng, bytesLength(rng)));
    case 'string': return string(rng);
    case 'uint256[]': return Array.from({ length: rng.pick([0, 0, 1, 2, 3, 5]) }, () => anyValue(rng).toString());
    case 'address[]': return Array.from({ length: rng.pick([0, 0, 1, 2, 3, 5]) }, () => address(rng));
    default: throw new Error(`unsupported type ${type}`);
  }
}

/** ethers wants BigInt-able uints; the JSON keeps them as base-10 strings. */
const toEthers = (type, v) => (type.startsWith('uint') && !type.endsWith('[]') ? BigInt(v) : type === 'uint256[]' ? v.map(BigInt) : v);

function encodeEntry(types, values) {
  const encoded = AbiCoder.defaultAbiCoder().encode(types, values.map((v, i) => toEthers(types[i], v)));
  return { types, values, encoded };
}

function encodeVectors(rng, count) {
  const entries = [];
  // Every type alone with its extreme values first, then random tuples of 1..6 types.
  const fixed = {
    uint256: ['0', '1', MAX.toString()], uint8: ['0', '255'], uint64: ['0', ((1n << 64n) - 1n).toString()],
    uint128: ['0', ((1n << 128n) - 1n).toString()], address: [getAddress('0x' + '00'.repeat(20)), getAddress('0x' + 'ff'.repeat(20))],
    bool: [false, true], bytes32: ['0x' + '00'.repeat(32), '0x' + 'ff'.repeat(32)], bytes: ['0x', '0x00', '0x' + 'ab'.repeat(32), '0x' + 'cd'.repeat(33)],
    string: ['', 'a', 'é中🦄', 'x'.repeat(32)], 'uint256[]': [[], ['0', MAX.toString()]], 'address[]': [[], [getAddress('0x' + '11'.repeat(20))]],
  };
  for (const [type, values] of Object.entries(fixed)) for (const v of values) entries.push(encodeEntry([type], [v]));
  while (entries.length < count) {
    const types = Array.from({ length: 1 + rng.int(6) }, () => rng.pick(ABI_TYPES));
    entries.push(encodeEntry(types, types.map((t) => valueOf(rng, t))));
  }
  return entries;
}

/** Function, error and event signatures: ERC-20, Solidity's built-in errors, lending-protocol calls and events. */
export const SIGNATURES = Object.freeze([
  'transfer(address,uint256)', 'transferFrom(address,address,uint256)', 'approve(address,uint256)', 'balanceOf(address)',
  'allowance(address,address)', 'totalSupply()', 'decimals()', 'Transfer(address,address,uint256)', 'Approval(address,address,uint256)',
  'Panic(uint256)', 'Error(string)',
  'LiquidationCall(address,address,address,uint256,uint256,address,bool)', 'liquidationCall(address,address,address,uint256,bool)',
  'supply(address,uint256,address,uint16)', 'borrow(address,uint256,uint256,uint16,address)', 'repay(address,uint256,uint256,address)',
  'withdraw(address,uint256,address)', 'flashLoanSimple(address,address,uint256,bytes,uint16)', 'getUserAccountData(address)',
  'ReserveDataUpdated(address,uint256,uint256,uint256,uint256,uint256)', 'latestRoundData()',
  'liquidate((address,address,address,address,uint256),address,uint256,uint256,bytes)',
  'Liquidate(bytes32,address,address,uint256,uint256,uint256,uint256,uint256)',
  'Bark(bytes32,address,uint256,uint256,uint256,address,uint256)', 'bark(bytes32,address,address)',
  'Liquidated(address,address,address,uint256,uint256,uint256)', 'HealthFactorNotBelowThreshold()', 'InsufficientCollateral(uint256,uint256)',
  'Unauthorized(address)', 'multicall(bytes[])', 'execute(address[],uint256[],bytes[])', 'CloseFactorUpdated(uint256,uint256)',
]);

/** The whole abi.json object for a seed. */
export function abiVectors(seed) {
  const rng = SplitMix64.forStream(seed, 'abi');
  return {
    encode: encodeVectors(rng, 200),
    selectors: SIGNATURES.map((signature) => ({ signature, selector: id(signature).slice(0, 10) })),
    topics: SIGNATURES.map((signature) => ({ signature, topic: id(signature) })),
    keccak: Array.from({ length: 301 }, (_, n) => {
      const input = hex(randomBytes(rng, n));
      return { input, hash: keccak256(input) };
    }),
  };
}

/** abi.json text: the fixed top-level shape with one entry per line. */
export function formatAbiVectors(v) {
  const section = (name, items) => `  ${JSON.stringify(name)}: [\n${items.map((e) => '    ' + JSON.stringify(e)).join(',\n')}\n  ]`;
  return `{\n${['encode', 'selectors', 'topics', 'keccak'].map((k) => section(k, v[k])).join(',\n')}\n}\n`;
}
