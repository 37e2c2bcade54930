import type pg from 'pg';
import type { AppendLog } from '../../store.js';
import { asStoreError } from './unavailable.js';

const NAME = /^[A-Za-z0-9._-]+$/;
const PAGE = 2000;

/** An append-only log as rows of `store_logs`, read back in append order a page at a time. */
export function postgresLog<T>(pool: pg.Pool, name: string): AppendLog<T> {
  if (!NAME.test(name)) throw new Error(`invalid log name ${JSON.stringify(name)}`);
  return {
    async append(...records) {
      if (!records.length) return;
      await pool
        .query('insert into store_logs (name, record) select $1, r::json from unnest($2::text[]) as u(r)', [
          name,
          records.map((r) => JSON.stringify(r)),
        ])
        .catch((err: unknown) => {
          throw asStoreError(err);
        });
    },
    async *read() {
      let after = 0;
      for (;;) {
        const { rows } = await pool
          .query<{ seq: string; record: T }>(
            `select seq, record from store_logs where name = $1 and seq > $2 order by seq limit ${PAGE}`,
            [name, after],
          )
          .catch((err: unknown) => {
            throw asStoreError(err);
          });
        for (const r of rows) yield r.record;
        if (rows.length < PAGE) return;
        after = Number(rows[rows.length - 1]!.seq);
      }
    },
  };
}
