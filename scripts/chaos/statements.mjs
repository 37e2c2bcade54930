// Malformed bank statements against the keeper's upload: cut at every byte of the last row, bytes flipped, columns
// swapped, huge lines, binary, empty, oversized, broken XLSX, absurd amounts and dates. A file is accepted wrongly when
// it is answered 201 although it must be refused, or when a row it reports is not a row of the file it was made from;
// rows left behind are rows stored beyond what the accepted imports reported; /healthz is timed during the uploads.
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { openLowdbStore } from '../../dist/storage/index.js';
import { MAX_STATEMENT_BYTES, parseStatement } from '../../dist/reconciliation/statement/index.js';
import { bigStatement } from './big-statement.mjs';
import { client, startService } from './service.mjs';

const BANKS = ['icbc', 'ccb', 'abc', 'boc', 'cmb', 'bocom', 'alipay'];
const fixture = (bank) => readFileSync(new URL(`../../test/fixtures/statements/${bank}.csv`, import.meta.url), 'utf8');
const rowKey = (r) =>
  JSON.stringify([
    r.date,
    r.time,
    r.amountFen,
    r.counterpartyName,
    r.counterpartyAccount,
    r.note,
    r.balanceFen,
    r.serial,
  ]);
// A flipped byte that still spells valid text in a name or note cannot be told from the bank's own text by anyone;
// what must never change unseen is the money: the day, the amount and the running balance.
const moneyKey = (r) => JSON.stringify([r.date, r.amountFen, r.balanceFen]);

function rng(seed) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** Files that must be refused whole, whatever the bank. */
async function refusedKinds(random) {
  const files = [
    { kind: 'empty', name: 'empty.csv', bytes: Buffer.alloc(0) },
    {
      kind: 'binary',
      name: 'noise.csv',
      bytes: Buffer.from(Array.from({ length: 4096 }, () => Math.floor(random() * 256))),
    },
    { kind: 'huge line', name: 'huge.csv', bytes: Buffer.from(`交易日期,${'摘要'.repeat(1_500_000)}\n`) },
    {
      kind: 'oversized',
      name: 'big.csv',
      bytes: Buffer.concat([Buffer.from(fixture('boc')), Buffer.alloc(11 * 1024 * 1024, 0x20)]),
    },
  ];
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('明细').addRows([
    ['记账日期', '记账时间', '金额', '余额', '对方账户名'],
    ['2026-11-23', '10:00:00', 100, 200, '张三'],
  ]);
  const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
  files.push({ kind: 'broken xlsx', name: 'cut.xlsx', bytes: xlsx.subarray(0, Math.floor(xlsx.length / 2)) });
  const boc = (amount, date = '2026-11-23') =>
    [
      '记账日期,记账时间,币别,金额,余额,交易名称,渠道,网点名称,附言,对方账户名,对方卡号/账号,对方开户行',
      `${date},10:00:00,人民币,${amount},${amount},转账,网银,,,张三,6222000000001111,`,
      '',
    ].join('\n');
  for (const amount of ['1e20', '99999999999999999999.99', 'abc', '12.345', '--5']) {
    files.push({ kind: 'absurd amount', name: 'amount.csv', bytes: Buffer.from(boc(amount)) });
  }
  for (const date of ['2026-13-45', '1900-01-01', '20261399', 'yesterday'])
    files.push({ kind: 'absurd date', name: 'date.csv', bytes: Buffer.from(boc('100.00', date)) });
  // 余额 and the income column swapped: the running balance no longer adds up.
  const icbc = fixture('icbc').split('\n');
  const h = icbc.findIndex((l) => l.startsWith('交易日期'));
  const cells = icbc[h].split(',');
  const a = cells.indexOf('记账金额(收入)');
  const b = cells.indexOf('余额');
  [cells[a], cells[b]] = [cells[b], cells[a]];
  icbc[h] = cells.join(',');
  files.push({ kind: 'swapped columns', name: 'swapped.csv', bytes: iconv.encode(icbc.join('\n'), 'gbk') });
  return files;
}

/** Files that may be read (a cut file's complete rows, a flipped byte in a note) but never invent a row. */
function mutated(random, count) {
  const files = [];
  for (const bank of BANKS) {
    const whole = iconv.encode(fixture(bank), 'gbk');
    const lastLine = whole.lastIndexOf(0x0a, whole.length - 2) + 1;
    for (let end = lastLine + 1; end < whole.length; end++)
      files.push({ kind: 'cut', bank, name: `${bank}-cut.csv`, bytes: whole.subarray(0, end) });
    for (let i = 0; i < 20; i++) {
      const copy = Buffer.from(whole);
      const at = Math.floor(random() * copy.length);
      copy[at] ^= 0xff;
      files.push({ kind: 'flipped byte', bank, name: `${bank}-flip.csv`, bytes: copy });
    }
  }
  // Keep the byte cuts evenly spread when fewer files are asked for.
  const step = Math.max(1, files.length / count);
  return Array.from({ length: Math.min(count, files.length) }, (_, i) => files[Math.floor(i * step)]);
}

// /healthz is polled from a thread of its own: the uploads' form building in this thread would otherwise be timed
// as the service's delay.
const POLLER = `
const { parentPort, workerData } = require('node:worker_threads');
let stop = false;
let slowest = 0;
parentPort.on('message', () => { stop = true; });
(async () => {
  while (!stop) {
    const t0 = performance.now();
    await fetch(workerData + '/healthz').then((r) => r.text()).catch(() => {});
    slowest = Math.max(slowest, performance.now() - t0);
    await new Promise((r) => setTimeout(r, 20));
  }
  parentPort.postMessage(slowest);
})();
`;

function timedHealth(url) {
  const poller = new Worker(POLLER, { eval: true, workerData: url });
  return {
    stop: () =>
      new Promise((resolve) => {
        poller.once('message', (slowest) => void poller.terminate().then(() => resolve(slowest)));
        poller.postMessage('stop');
      }),
  };
}

export async function statementRounds({ dataDir, port, count, log }) {
  const random = rng(20261206);
  const originals = new Map();
  for (const bank of BANKS) {
    const rows = (await parseStatement({ name: `${bank}.csv`, bytes: iconv.encode(fixture(bank), 'gbk') })).rows;
    originals.set(bank, { rows: new Set(rows.map(rowKey)), money: new Set(rows.map(moneyKey)) });
  }
  const svc = await startService({ dataDir, port, orders: 200 });
  const api = client(svc.url);
  const health = timedHealth(svc.url);
  let tried = 0;
  let acceptedWrongly = 0;
  let importedRows = 0;
  let slowest = 0;
  let slowestBig = 0;
  const upload = async (file, { timed = true } = {}) => {
    const form = new FormData();
    form.append('file', new Blob([file.bytes]), file.name);
    const t0 = performance.now();
    let res;
    try {
      res = await api.post('/transfers/statements', form, { user: 'xiaozhou', timeoutMs: 120_000 });
    } catch (err) {
      // A file over the limit is refused from its declared length, before its body is read, and the connection is
      // closed: a client still sending the body may see the connection closed (EPIPE) before it reads the 413.
      // Nothing was read, so nothing can be stored (rows left behind would show it). Anything else is a failure.
      if (file.bytes.length <= MAX_STATEMENT_BYTES) throw err;
      res = { status: 413, body: null, text: String(err.cause?.code ?? err.message) };
    }
    const ms = performance.now() - t0;
    if (timed) slowest = Math.max(slowest, ms);
    if (timed && file.bytes.length >= 5 * 1024 * 1024) slowestBig = Math.max(slowestBig, ms);
    tried++;
    return res;
  };
  for (const file of await refusedKinds(random)) {
    const res = await upload(file);
    if (res.status < 400) {
      acceptedWrongly++;
      importedRows += res.body?.imported ?? 0;
      log(`  accepted although it must be refused: ${file.kind} (${file.name}, ${file.bytes.length} bytes)`);
    }
  }
  for (const file of mutated(random, count)) {
    const res = await upload(file);
    if (res.status >= 400) continue;
    importedRows += res.body?.imported ?? 0;
    const reported = [
      ...(res.body?.matched ?? []).map((m) => m.row),
      ...(res.body?.queued ?? []).map((q) => q.row),
      ...(res.body?.unmatched ?? []),
    ];
    const original = originals.get(file.bank);
    const invented = reported.find((r) =>
      file.kind === 'cut' ? !original.rows.has(rowKey(r)) : !original.money.has(moneyKey(r)),
    );
    if (invented) {
      acceptedWrongly++;
      log(
        `  ${file.kind} ${file.bank} (${file.bytes.length} bytes) reported a row the bank never wrote: ${rowKey(invented)}`,
      );
    }
  }
  // A valid statement just under the limit (about 85,000 credits): it must be imported whole, and its answer is
  // timed on its own (storing that many rows is the slowest work an upload asks for).
  const big = bigStatement(MAX_STATEMENT_BYTES - 1024);
  const t0 = performance.now();
  const bigRes = await upload(big, { timed: false });
  const validBigMs = performance.now() - t0;
  if (bigRes.status !== 201 || bigRes.body?.imported !== big.credits) {
    acceptedWrongly++;
    log(
      `  the valid ${big.bytes.length}-byte statement was answered ${bigRes.status}: ${JSON.stringify(bigRes.body).slice(0, 300)}`,
    );
  } else importedRows += bigRes.body.imported;
  const healthMs = await health.stop();
  await svc.stop();
  // What the store holds, read after the service stopped, against what the accepted imports said they stored.
  const store = await openLowdbStore({ dir: dataDir });
  const stored = store.count('transfer-statement-rows');
  await store.close();
  return {
    tried,
    acceptedWrongly,
    rowsLeftBehind: stored - importedRows,
    slowestMs: slowest,
    slowestBigMs: slowestBig,
    validBigMs,
    validBigCredits: big.credits,
    healthMs,
  };
}
