/**
 * The buyers' plain data as the sandbox platform holds it (names, mobiles, detailed addresses, resident ID numbers),
 * and a search of every file of xiaoer's data folder outside the sandbox's own for any of it. The platform's folder
 * (data/sandbox) is the platform: it keeps its plain data, xiaoer's files may not.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { SandboxShop } from '../../src/platform/sandbox/index.js';

export interface PlainValue {
  kind: 'mobile' | 'name' | 'address' | 'id_number';
  value: string;
  nick: string;
}

export interface Finding extends PlainValue {
  where: string;
  /** A few characters either side, for the report. */
  context: string;
}

/** Every buyer's plain values, and every trade's receiver as it is now (an address changed in the back office too). */
export function plainValues(shop: SandboxShop): PlainValue[] {
  const out = new Map<string, PlainValue>();
  const add = (kind: PlainValue['kind'], value: string | null | undefined, nick: string) => {
    const v = value?.trim();
    // A one-character "name" or a short fragment would match by chance; the sandbox's values are longer.
    if (v && [...v].length >= 2) out.set(`${kind}:${v}`, { kind, value: v, nick });
  };
  for (const b of shop.buyers()) {
    add('name', b.name, b.nick);
    add('mobile', b.mobile, b.nick);
    add('id_number', b.idNumber, b.nick);
    for (const a of b.addresses) add('address', a.address, b.nick);
  }
  for (let pageNo = 1; ; pageNo++) {
    const page = shop.tradesByCreated(0, Number.MAX_SAFE_INTEGER, {}, { pageNo, pageSize: 500 });
    for (const t of page.items) {
      const r = shop.receiverOf(t);
      const nick = shop.buyerOf(t).nick;
      add('name', r.name, nick);
      add('mobile', r.mobile, nick);
      add('address', r.address, nick);
    }
    if (!page.hasNext) break;
  }
  return [...out.values()];
}

async function* files(dir: string): AsyncGenerator<string> {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) yield* files(path);
    else if (e.isFile()) yield path;
  }
}

/**
 * The courier's own staff named in a tracking line (揽收员：张涛, 派件员 李强): a courier's name that happens to be a
 * buyer's is not the buyer's data. Every other occurrence of a name counts.
 */
const COURIER_STAFF = /(?:揽收员：|派件员 )$/;

/** The plain values found in `texts` (name → text): an API answer or an export handed to someone. */
export function findIn(texts: Record<string, string>, values: readonly PlainValue[]): Finding[] {
  const found: Finding[] = [];
  for (const [where, text] of Object.entries(texts))
    for (const v of values)
      for (let at = text.indexOf(v.value); at >= 0; at = text.indexOf(v.value, at + 1)) {
        if (v.kind === 'name' && COURIER_STAFF.test(text.slice(Math.max(0, at - 4), at))) continue;
        found.push({ ...v, where, context: text.slice(Math.max(0, at - 60), at + v.value.length + 60) });
        break;
      }
  return found;
}

/** Every file under `dataDir` except the platform's own folder (`sandbox/`), read as text, searched for `values`. */
export async function findAtRest(
  dataDir: string,
  values: readonly PlainValue[],
): Promise<{ files: string[]; found: Finding[] }> {
  const texts: Record<string, string> = {};
  for await (const path of files(dataDir)) {
    const rel = relative(dataDir, path);
    if (rel === 'sandbox' || rel.startsWith('sandbox/')) continue;
    texts[rel] = await readFile(path, 'utf8');
  }
  return { files: Object.keys(texts), found: findIn(texts, values) };
}
