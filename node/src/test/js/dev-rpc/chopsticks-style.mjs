// SPDX-License-Identifier: Apache-2.0
// A test script in Chopsticks' own style: @polkadot/api over a WebSocket, dev_* methods sent
// through the provider, effects read back with api.query. Usage: node chopsticks-style.mjs WS_URL
// Prints one line per check, then `answers {...}` (what a second server must answer alike),
// `engine {...}` (Substrate's manual seal, checked only where rpc_methods lists engine_createBlock)
// and `N passed, M failed`; exits 1 if a check failed.
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';

const url = process.argv[2];
if (!url) {
  console.error('usage: node chopsticks-style.mjs ws://127.0.0.1:PORT');
  process.exit(2);
}

const provider = new WsProvider(url);
await provider.isReady;
const api = await ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true });
const send = (method, params) => provider.send(method, params);
const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
const alice = keyring.addFromUri('//Alice');
const bob = keyring.addFromUri('//Bob');

let passed = 0;
let failed = 0;
const answers = {};
/** What only a server with Substrate's manual seal (engine_*) answers. */
const engine = {};
function check(name, ok, detail) {
  if (ok) {
    passed++;
    console.log(`ok ${name}`);
  } else {
    failed++;
    console.log(`FAILED ${name}: ${detail}`);
  }
}
async function refusal(method, params) {
  try {
    const result = await send(method, params);
    return `no error (result ${JSON.stringify(result)})`;
  } catch (e) {
    return e.message;
  }
}
const headNumber = async () => (await api.rpc.chain.getHeader()).number.toNumber();
const free = async (who) => (await api.query.system.account(who)).data.free.toBigInt();

try {
  answers.setBlockBuildMode = await send('dev_setBlockBuildMode', ['Manual']);
  const start = await headNumber();

  // dev_newBlock: a count, then up to a height.
  const counted = await send('dev_newBlock', [{ count: 2 }]);
  const afterCount = await api.rpc.chain.getHeader();
  answers.newBlockCount = afterCount.number.toNumber() - start;
  check('dev_newBlock {count: 2} makes two blocks', answers.newBlockCount === 2, answers.newBlockCount);
  check('dev_newBlock answers the last block', counted === afterCount.hash.toHex(), counted);
  await send('dev_newBlock', [{ to: start + 4 }]);
  answers.newBlockTo = (await headNumber()) - start;
  check('dev_newBlock {to} builds up to that height', answers.newBlockTo === 4, answers.newBlockTo);

  // dev_setStorage: give Alice a balance, by pallet and item name.
  const rich = 123456789000000000000n;
  const stored = await send('dev_setStorage', [
    { System: { Account: [[[alice.address], { providers: 1, data: { free: rich.toString() } }]] } },
  ]);
  answers.aliceFree = (await free(alice.address)).toString();
  check('dev_setStorage gives Alice a balance', answers.aliceFree === rich.toString(), answers.aliceFree);
  answers.setStorageAnswersTheHead = stored === (await api.rpc.chain.getHeader()).hash.toHex();
  check('dev_setStorage answers the block holding the values', answers.setStorageAnswersTheHead, stored);

  // dev_newBlock with a transaction given to it.
  const bobBefore = await free(bob.address);
  const transfer = await api.tx.balances.transferKeepAlive(bob.address, 10n ** 12n).signAsync(alice);
  const withTransfer = await send('dev_newBlock', [{ transactions: [transfer.toHex()] }]);
  const transferBlock = (await api.rpc.chain.getHeader(withTransfer)).number.toNumber();
  answers.bobGained = ((await free(bob.address)) - bobBefore).toString();
  check('dev_newBlock {transactions} applies them', answers.bobGained === (10n ** 12n).toString(), answers.bobGained);
  const block = await api.rpc.chain.getBlock(withTransfer);
  answers.transferIncluded = block.block.extrinsics.some((x) => x.hash.toHex() === transfer.hash.toHex());
  check('the transfer is in the new block', answers.transferIncluded, JSON.stringify(block.block.extrinsics.map((x) => x.method.toHuman())));

  // dev_timeTravel: the next block's timestamp.
  const target = Date.parse('2031-05-01T00:00:00Z');
  answers.timeTravel = await send('dev_timeTravel', ['2031-05-01T00:00:00Z']);
  check('dev_timeTravel answers the timestamp', answers.timeTravel === target, answers.timeTravel);
  await send('dev_newBlock', []);
  const now = (await api.query.timestamp.now()).toNumber();
  answers.timestampAfterTravel = now - target; // Basalt: 0; Chopsticks: one slot
  check('the next block is stamped at the travelled-to time', now >= target && now <= target + 60_000, now);

  // dev_setHead: back to the block before the transfer; the chain builds on it next.
  const back = await send('dev_setHead', [transferBlock - 1]);
  const head = await api.rpc.chain.getHeader();
  answers.setHeadNumber = head.number.toNumber() - start;
  check('dev_setHead moves the head back', head.hash.toHex() === back && head.number.toNumber() === transferBlock - 1, head.number.toNumber());
  answers.bobGainedAfterSetHead = ((await free(bob.address)) - bobBefore).toString();
  check('the transfer is undone at the new head', answers.bobGainedAfterSetHead === '0', answers.bobGainedAfterSetHead);
  const next = await send('dev_newBlock', []);
  const nextHeader = await api.rpc.chain.getHeader(next);
  check('the next block builds on the new head', nextHeader.parentHash.toHex() === back, nextHeader.parentHash.toHex());
  answers.relativeSetHead = (await api.rpc.chain.getHeader(await send('dev_setHead', [-1]))).number.toNumber() - start;

  // Bad requests get Chopsticks' errors.
  answers.unknownHead = await refusal('dev_setHead', [999999]);
  check('dev_setHead to an unknown block is refused', answers.unknownHead.includes('Block not found 999999'), answers.unknownHead);
  answers.badMode = await refusal('dev_setBlockBuildMode', ['Fast']);
  check('an unknown build mode is refused', answers.badMode.includes('Invalid mode Fast'), answers.badMode);
  answers.badDate = await refusal('dev_timeTravel', ['someday']);
  check('a date that does not parse is refused', answers.badDate.includes('Invalid date'), answers.badDate);

  // Manual seal, as Substrate's engine_* methods (Basalt; Chopsticks has no engine_*): blocks on
  // request, finality on request, a transaction from the pool.
  const { methods } = await send('rpc_methods', []);
  if (methods.includes('engine_createBlock')) {
    const before = await api.rpc.chain.getHeader();
    const finalizedBefore = (await api.rpc.chain.getFinalizedHead()).toHex();
    const created = await send('engine_createBlock', [true, false]);
    const createdHeader = await api.rpc.chain.getHeader();
    engine.createBlock = created.hash === createdHeader.hash.toHex() && created.aux.is_new_best === true;
    check('engine_createBlock(true, false) makes the new best block', engine.createBlock,
      JSON.stringify(created));
    check('engine_createBlock builds on the head', createdHeader.parentHash.toHex() === before.hash.toHex(),
      createdHeader.parentHash.toHex());
    engine.notFinalized = (await api.rpc.chain.getFinalizedHead()).toHex() === finalizedBefore;
    check('engine_createBlock(…, false) leaves finality alone', engine.notFinalized, finalizedBefore);
    engine.finalizeBlock = await send('engine_finalizeBlock', [created.hash]);
    engine.finalizedHead = (await api.rpc.chain.getFinalizedHead()).toHex() === created.hash;
    check('engine_finalizeBlock finalizes it', engine.finalizeBlock === true && engine.finalizedHead,
      engine.finalizeBlock);
    engine.emptyPool = await refusal('engine_createBlock', [false, false]);
    check('engine_createBlock with nothing to include is refused',
      engine.emptyPool.includes('Transaction pool is empty'), engine.emptyPool);

    const bobBeforeSeal = await free(bob.address);
    const pooled = await api.tx.balances.transferKeepAlive(bob.address, 3n * 10n ** 12n).signAsync(alice);
    await api.rpc.author.submitExtrinsic(pooled);
    const sealed = await send('engine_createBlock', [false, true]);
    const sealedBlock = await api.rpc.chain.getBlock(sealed.hash);
    engine.pooledIncluded = sealedBlock.block.extrinsics.some((x) => x.hash.toHex() === pooled.hash.toHex());
    check('engine_createBlock(false, true) seals the pool\'s transfer', engine.pooledIncluded,
      JSON.stringify(sealedBlock.block.extrinsics.map((x) => x.method.toHuman())));
    engine.bobGained = ((await free(bob.address)) - bobBeforeSeal).toString();
    check('the sealed transfer is applied', engine.bobGained === (3n * 10n ** 12n).toString(), engine.bobGained);
    engine.sealedFinalized = (await api.rpc.chain.getFinalizedHead()).toHex() === sealed.hash;
    check('engine_createBlock(…, true) finalizes the block', engine.sealedFinalized, sealed.hash);
    engine.unknownFinalize = await refusal('engine_finalizeBlock', [`0x${'ff'.repeat(32)}`]);
    check('engine_finalizeBlock of an unknown block is refused',
      engine.unknownFinalize.includes('UnknownBlock'), engine.unknownFinalize);
  }
} catch (e) {
  failed++;
  console.log(`FAILED with ${e.stack || e}`);
} finally {
  console.log(`answers ${JSON.stringify(answers)}`);
  console.log(`engine ${JSON.stringify(engine)}`);
  console.log(`${passed} passed, ${failed} failed`);
  await api.disconnect();
}
process.exit(failed === 0 ? 0 : 1);
