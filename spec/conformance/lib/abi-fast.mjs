// Byte layouts for the hot path: uint256-only calldata and BatchCaller's packed batch format (see
// spec/solidity/BatchCaller.sol). The calldata encoder is checked against ethers in test/runner.test.mjs.

const WORD = 32;
const pad32 = (n) => Math.ceil(n / WORD) * WORD;

function writeWord(buf, offset, value) {
  if (typeof value !== 'bigint' || value < 0n || value >> 256n !== 0n) {
    throw new RangeError(`not a uint256: ${value}`);
  }
  let v = value;
  for (let i = offset + WORD - 1; i >= offset && v !== 0n; i--) {
    buf[i] = Number(v & 0xffn);
    v >>= 8n;
  }
}

function readLength(buf, offset) {
  for (let i = offset; i < offset + WORD - 6; i++) {
    if (buf[i] !== 0) throw new Error('malformed batch result: length word too large');
  }
  let v = 0;
  for (let i = offset + WORD - 6; i < offset + WORD; i++) v = v * 256 + buf[i];
  return v;
}

function selectorBytes(selector) {
  if (!/^0x[0-9a-fA-F]{8}$/.test(selector)) throw new Error(`bad selector ${selector}`);
  return Uint8Array.from(Buffer.from(selector.slice(2), 'hex'));
}

/** ABI calldata for `f(uint256,...)`: the 4-byte selector, then one big-endian word per value. */
export function encodeUintCall(selector, values) {
  const buf = new Uint8Array(4 + WORD * values.length);
  buf.set(selectorBytes(selector), 0);
  values.forEach((v, i) => writeWord(buf, 4 + WORD * i, v));
  return buf;
}

/** ABI calldata for `f(uint256[])`: the selector, the offset word (0x20), the length word, then the elements. */
export function encodeUintArrayCall(selector, values) {
  return encodeUintCall(selector, [BigInt(WORD), BigInt(values.length), ...values]);
}

/** BatchCaller input: target address word, then (length word, unpadded calldata) per case. */
export function encodeBatch(target, calls) {
  let size = WORD;
  for (const c of calls) size += WORD + c.length;
  const buf = new Uint8Array(size);
  writeWord(buf, 0, BigInt(target));
  let p = WORD;
  for (const c of calls) {
    writeWord(buf, p, BigInt(c.length));
    buf.set(c, p + WORD);
    p += WORD + c.length;
  }
  return buf;
}

/** BatchCaller output: per case a header word (bit 255 success, low bits length), then padded data. */
export function decodeBatch(data) {
  const results = [];
  let p = 0;
  while (p < data.length) {
    const success = (data[p] & 0x80) !== 0;
    const saved = data[p];
    data[p] &= 0x7f;
    const len = readLength(data, p);
    data[p] = saved;
    if (p + WORD + len > data.length) throw new Error('malformed batch result: data out of range');
    results.push({ success, returnData: data.subarray(p + WORD, p + WORD + len) });
    p += WORD + pad32(len);
  }
  return results;
}

/** Lower-case 0x-hex of bytes ("0x" for none). */
export function hexOf(bytes) {
  return '0x' + Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

/** ABI return data made of static words only (uint256, uint128, bool, static tuples thereof), as BigInts. */
export function decodeUints(data) {
  if (data.length % WORD !== 0) throw new Error(`expected whole 32-byte words, got ${data.length} bytes`);
  const out = [];
  for (let i = 0; i < data.length; i += WORD) out.push(BigInt(hexOf(data.subarray(i, i + WORD))));
  return out;
}

/** A single ABI uint256 return value. */
export function decodeUint(data) {
  if (data.length !== WORD) throw new Error(`expected one 32-byte word, got ${data.length} bytes`);
  return BigInt(hexOf(data));
}
