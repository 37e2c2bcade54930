/**
 * The statements of the PostgreSQL store: load, catch up, write a batch. Raw pg on a pool client: a batch of
 * thousands of documents is one statement per table (unnest of arrays), which a query builder would not make
 * shorter.
 */
import type pg from 'pg';
import { OWN_TABLES, placeOf, unionOfTables } from './tables.js';

/** [collection, id, document or null for a delete] */
export type StoreOp = [string, string, unknown];

export interface RowChange {
  collection: string;
  id: string;
  doc: unknown;
  seq: number;
}

/** Every instance's writes are serialized by this transaction-scoped lock: one writer at a time, in seq order. */
export const WRITE_LOCK = "select pg_advisory_xact_lock(hashtextextended('xiaoer:store-writes', 0))";
/** Held while the store's own migrations run, so instances starting at once run each once. */
export const MIGRATE_LOCK = "hashtextextended('xiaoer:store-migrate', 0)";
export const CHANNEL = 'xiaoer_store';

const PAGE = 5000;

/**
 * Reads every live document, a page at a time, in one snapshot; returns the highest seq that snapshot holds, so
 * the catch-up that follows takes exactly what committed after it.
 */
export async function loadAll(client: pg.PoolClient, onRow: (collection: string, id: string, doc: unknown) => void) {
  await client.query('begin isolation level repeatable read read only');
  try {
    for (const { table, key, collection } of OWN_TABLES) {
      let after = '';
      for (;;) {
        const { rows } = await client.query<{ id: string; doc: unknown }>(
          `select ${key} as id, doc from ${table} where doc is not null and ${key} > $1 order by ${key} limit ${PAGE}`,
          [after],
        );
        for (const r of rows) onRow(collection, r.id, r.doc);
        if (rows.length < PAGE) break;
        after = rows[rows.length - 1]!.id;
      }
    }
    let after: [string, string] = ['', ''];
    for (;;) {
      const { rows } = await client.query<{ collection: string; id: string; doc: unknown }>(
        `select collection, id, doc from documents where doc is not null and (collection, id) > ($1, $2)
         order by collection, id limit ${PAGE}`,
        after,
      );
      for (const r of rows) onRow(r.collection, r.id, r.doc);
      if (rows.length < PAGE) break;
      after = [rows[rows.length - 1]!.collection, rows[rows.length - 1]!.id];
    }
    const { rows } = await client.query<{ seq: string | null }>(`select max(seq) as seq from (${unionOfTables('')}) t`);
    await client.query('commit');
    return Number(rows[0]?.seq ?? 0);
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  }
}

/**
 * What committed after `since`, in commit order (deletes have a null doc), and how far tombstones were pruned: one
 * round trip, as a prepared statement (planning the union over six tables cost more than running it).
 */
export async function changesSince(
  client: pg.ClientBase,
  since: number,
): Promise<{ changes: RowChange[]; tombstonesUpTo: number }> {
  const { rows } = await client.query<{
    collection: string | null;
    id: string;
    doc: unknown;
    seq: string;
    up_to: string;
  }>({
    name: 'xiaoer-store-changes',
    text: `with m as (select coalesce((select (value #>> '{}')::bigint from store_meta where key = 'tombstonesUpTo'), 0) as up_to)
      select t.*, m.up_to from m left join (${unionOfTables('where seq > $1')}) t on true order by t.seq`,
    values: [since],
  });
  const changes: RowChange[] = [];
  for (const r of rows)
    if (r.collection !== null) changes.push({ collection: r.collection, id: r.id, doc: r.doc, seq: Number(r.seq) });
  return { changes, tombstonesUpTo: Number(rows[0]?.up_to ?? 0) };
}

/** Writes the batch (one statement per table); returns the highest seq it took and the JSON bytes sent. */
export async function writeOps(client: pg.ClientBase, ops: StoreOp[]): Promise<{ top: number; bytes: number }> {
  const byTable = new Map<string, StoreOp[]>();
  for (const op of ops) {
    const t = placeOf(op[0]).table;
    let list = byTable.get(t);
    if (!list) byTable.set(t, (list = []));
    list.push(op);
  }
  let max = 0;
  let bytes = 0;
  for (const [table, list] of byTable) {
    // One json parameter per statement (json, not jsonb, keeps each document's keys in their order): pg
    // escaping thousands of JSON strings into a text[] literal cost the client several times the server's work.
    const payload = JSON.stringify(table === 'documents' ? list : list.map((o) => [o[1], o[2]]));
    bytes += payload.length;
    const key = placeOf(list[0]![0]).key;
    const { rows } =
      table === 'documents'
        ? await client.query<{ seq: string }>(
            `insert into documents (collection, id, doc, seq)
             select e->>0, e->>1, ${docOf('e->2')}, nextval('store_seq') from json_array_elements($1::json) as e
             on conflict (collection, id) do update set doc = excluded.doc, seq = excluded.seq returning seq`,
            [payload],
          )
        : await client.query<{ seq: string }>(
            `insert into ${table} (${key}, doc, seq)
             select e->>0, ${docOf('e->1')}, nextval('store_seq') from json_array_elements($1::json) as e
             on conflict (${key}) do update set doc = excluded.doc, seq = excluded.seq returning seq`,
            [payload],
          );
    for (const r of rows) max = Math.max(max, Number(r.seq));
  }
  return { top: max, bytes };
}

/** A batch element's document, or SQL null for a delete (json has no equality to compare with 'null'). */
const docOf = (e: string) => `case when json_typeof(${e}) = 'null' then null else ${e} end`;
