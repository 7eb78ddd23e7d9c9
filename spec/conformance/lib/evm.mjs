// An in-process EVM (@ethereumjs/evm) holding the compiled twins, with single calls and a batching path.
import { createEVM } from '@ethereumjs/evm';
import { Common, Hardfork, Mainnet } from '@ethereumjs/common';
import { Account, createAddressFromString, hexToBytes } from '@ethereumjs/util';
import { Interface } from 'ethers';
import { compileTwins, CONTRACTS } from './compile.mjs';
import { encodeBatch, decodeBatch, hexOf } from './abi-fast.mjs';

/** Must match SOLC_SETTINGS.evmVersion in compile.mjs. */
export const HARDFORK = Hardfork.Prague;

const CALLER = createAddressFromString('0x00000000000000000000000000000000000c0de0');
/** Gas for one message. Huge on purpose: a batch runs thousands of cases and pays quadratic memory costs. */
const GAS_LIMIT = 1n << 60n;

export class TwinEvm {
  /** @private use TwinEvm.create() */
  constructor(evm, contracts, addresses) {
    this.evm = evm;
    this.contracts = contracts;
    this.addresses = addresses;
    this.interfaces = Object.fromEntries(Object.entries(contracts).map(([n, c]) => [n, new Interface(c.abi)]));
  }

  /** Compiles (or loads cached artifacts), starts an EVM and deploys every contract through its constructor. */
  static async create({ contracts = compileTwins() } = {}) {
    const evm = await createEVM({ common: new Common({ chain: Mainnet, hardfork: HARDFORK }) });
    await evm.stateManager.putAccount(CALLER, new Account(0n, 0n));
    const addresses = {};
    for (const name of Object.keys(CONTRACTS)) {
      const res = await evm.runCall({ caller: CALLER, data: hexToBytes(contracts[name].bytecode), gasLimit: 30_000_000n });
      if (res.execResult.exceptionError || !res.createdAddress) {
        throw new Error(`deploying ${name} failed: ${res.execResult.exceptionError?.error}`);
      }
      addresses[name] = res.createdAddress;
    }
    return new TwinEvm(evm, contracts, addresses);
  }

  async #message(to, data) {
    const res = await this.evm.runCall({ caller: CALLER, to, data, gasLimit: GAS_LIMIT, isStatic: true });
    // A bare EVM never ends a transaction: without this its journal grows with every message and slows it down.
    await this.evm.journal.cleanup();
    const r = res.execResult;
    return { success: r.exceptionError === undefined, returnData: r.returnValue };
  }

  /**
   * One call in its own message. Returns {success, returnData} with returnData as bytes: the ABI result on
   * success, the exact revert data otherwise.
   */
  async callRaw(contract, calldata) {
    return this.#message(this.addresses[contract], calldata);
  }

  /**
   * Many calls against one contract in one message, through BatchCaller: each blob is executed by a real
   * STATICCALL and its success flag and return/revert data are returned in order.
   * @param {string} contract deployed twin name
   * @param {Uint8Array[]} calldatas calldata blobs
   * @returns {Promise<{success: boolean, returnData: Uint8Array}[]>}
   */
  async callBatch(contract, calldatas) {
    if (calldatas.length === 0) return [];
    const data = encodeBatch(this.addresses[contract].toString(), calldatas);
    const outer = await this.#message(this.addresses.BatchCaller, data);
    if (!outer.success) throw new Error(`BatchCaller itself failed (${hexOf(outer.returnData)}): raise the gas limit?`);
    const results = decodeBatch(outer.returnData);
    if (results.length !== calldatas.length) throw new Error('BatchCaller returned a wrong number of results');
    return results;
  }
}
