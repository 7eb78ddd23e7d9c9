// Executes op cases on their Solidity twins in the EVM and reports them in eval-protocol form.
import { TwinEvm } from './evm.mjs';
import { OPS, ROUNDINGS, functionOf } from './ops.mjs';
import { encodeUintCall, encodeUintArrayCall, decodeUints, hexOf } from './abi-fast.mjs';

/** Cases per EVM message. Larger batches amortise the message overhead; beyond ~1000 memory costs dominate. */
export const BATCH_SIZE = 1000;

/** Successful return data in eval form: every word as a base-10 string (a bool is "0" or "1"). */
const okOf = (data) => ({ ok: decodeUints(data).map((v) => v.toString(10)) });

export class TwinRunner {
  /** @private use TwinRunner.create() */
  constructor(evm) {
    this.evm = evm;
    this.selectors = {};
    for (const [op, spec] of Object.entries(OPS)) {
      const name = functionOf(op);
      const fn = evm.interfaces[spec.contract].getFunction(name);
      if (!fn) throw new Error(`${spec.contract} has no function ${name}`);
      // A static tuple argument (a struct of words) is encoded inline: its components count as arguments.
      const flat = (p) => (p.baseType === 'tuple' ? p.components.flatMap(flat) : [p.type]);
      this.selectors[op] = { selector: fn.selector, inputs: fn.inputs.flatMap(flat), outputs: fn.outputs.flatMap(flat) };
    }
  }

  static async create(options) {
    return new TwinRunner(await TwinEvm.create(options));
  }

  /** ABI calldata for one case. Throws on a malformed case (wrong arity, bad rounding, out of range). */
  calldata(op, args) {
    const { selector, inputs } = this.selectors[op];
    if (OPS[op].variadic) return encodeUintArrayCall(selector, args.map((a) => (typeof a === 'bigint' ? a : BigInt(a))));
    if (args.length !== inputs.length) throw new Error(`${op} takes ${inputs.length} args, got ${args.length}`);
    const words = args.map((a, i) => {
      if (op === 'mulDiv' && i === 3) {
        const r = ROUNDINGS.indexOf(a);
        if (r < 0) throw new Error(`mulDiv rounding must be one of ${ROUNDINGS.join('|')}, got "${a}"`);
        return BigInt(r);
      }
      return typeof a === 'bigint' ? a : BigInt(a);
    });
    return encodeUintCall(selector, words);
  }

  /**
   * Runs cases of one op. Returns one result per case, in order: {ok: ["<base-10>"]} or {revert: "0x<hex>"}.
   * @param {string} op
   * @param {Array<Array<bigint|string>>} cases
   */
  async run(op, cases) {
    const spec = OPS[op];
    if (!spec) throw new Error(`unknown op "${op}"`);
    const results = [];
    for (let start = 0; start < cases.length; start += BATCH_SIZE) {
      const chunk = cases.slice(start, start + BATCH_SIZE).map((args) => this.calldata(op, args));
      for (const r of await this.evm.callBatch(spec.contract, chunk)) {
        results.push(r.success ? okOf(r.returnData) : { revert: hexOf(r.returnData) });
      }
    }
    return results;
  }

  /** Runs one case in its own EVM message, without BatchCaller (slower; used to cross-check the batch path). */
  async runSingle(op, args) {
    const r = await this.evm.callRaw(OPS[op].contract, this.calldata(op, args));
    return r.success ? okOf(r.returnData) : { revert: hexOf(r.returnData) };
  }
}
