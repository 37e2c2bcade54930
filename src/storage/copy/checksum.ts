import { createHash } from 'node:crypto';
import type { Store } from '../store.js';

/** What one collection or log holds, as two stores can compare it: how many, and a sha256 over all of it. */
export interface Digest {
  count: number;
  sha256: string;
}

/** What an absent (or empty) collection or log digests to: sha256 of nothing. */
export const EMPTY_DIGEST: Digest = { count: 0, sha256: createHash('sha256').digest('hex') };

export interface StoreDigest {
  collections: Record<string, Digest>;
  logs: Record<string, Digest>;
}

/**
 * JSON with every object's keys sorted, so the same document has one text whatever order its keys were written
 * in: lowdb keeps the writer's order (or a row layout's), PostgreSQL's jsonb its own. Built as a copy with sorted
 * keys that JSON.stringify then writes (a third faster at 100k orders than joining strings here); undefined is
 * left out or written as null, as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortedCopy(value)) ?? 'null';
}

function sortedCopy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(sortedCopy);
  // No prototype: a key named __proto__ stays a key. (Integer-like keys come first, as in every JS object:
  // the same keys still give the same text.)
  const out = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value).sort()) out[key] = sortedCopy((value as Record<string, unknown>)[key]);
  return out;
}

/** A sort that does not depend on the host's locale: UTF-16 code units, as both stores see the same ids. */
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The ids of a collection in the order its checksum takes them. */
export function sortedIds(store: Store, collection: string): string[] {
  const ids: string[] = [];
  for (const [id] of store.entries(collection)) ids.push(id);
  return ids.sort(byCodeUnit);
}

/** sha256 over `id<TAB>canonical document<LF>` for every document, in id order. */
export function digestCollection(store: Store, collection: string): Digest {
  const hash = createHash('sha256');
  const ids = sortedIds(store, collection);
  for (const id of ids) hash.update(`${JSON.stringify(id)}\t${canonicalJson(store.get(collection, id))}\n`);
  return { count: ids.length, sha256: hash.digest('hex') };
}

/** sha256 over `canonical record<LF>` for every record, in append order (a log's order is part of its content). */
export async function digestLog(store: Store, name: string): Promise<Digest> {
  const hash = createHash('sha256');
  let count = 0;
  for await (const record of store.log(name).read()) {
    hash.update(`${canonicalJson(record)}\n`);
    count++;
  }
  return { count, sha256: hash.digest('hex') };
}

/** Digests of the named collections and logs (by default, what the store's inventory lists). */
export async function digestStore(
  store: Store,
  names?: { collections: readonly string[]; logs: readonly string[] },
): Promise<StoreDigest> {
  const { collections, logs } = names ?? (await store.inventory());
  const digest: StoreDigest = { collections: {}, logs: {} };
  for (const c of collections) digest.collections[c] = digestCollection(store, c);
  for (const l of logs) digest.logs[l] = await digestLog(store, l);
  return digest;
}
