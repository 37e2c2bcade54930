/**
 * Where each collection's documents live on PostgreSQL (migrations/0002-store-tables.ts): the collections the
 * domain queries most have a table of their own, every other one shares `documents`.
 */
export interface TablePlace {
  table: string;
  /** The key column. */
  key: string;
  /** For `documents`: the collection's name, kept in the `collection` column. */
  collection?: string;
}

/** The collections with a table of their own. */
export const OWN_TABLES: readonly { collection: string; table: string; key: string }[] = [
  { collection: 'orders', table: 'orders', key: 'tid' },
  { collection: 'messages', table: 'messages', key: 'id' },
  { collection: 'remark-entries', table: 'remark_entries', key: 'tid' },
  { collection: 'remark-outbox', table: 'remark_outbox', key: 'id' },
  { collection: 'sessions', table: 'sessions', key: 'token_hash' },
];

export function placeOf(collection: string): TablePlace {
  return OWN_TABLES.find((t) => t.collection === collection) ?? { table: 'documents', key: 'id', collection };
}

/** One select per table, each giving (collection, id, doc, seq): what a catch-up or a load reads. */
export function unionOfTables(where: string): string {
  const own = OWN_TABLES.map(
    (t) => `select '${t.collection}'::text as collection, ${t.key} as id, doc, seq from ${t.table} ${where}`,
  );
  return [...own, `select collection, id, doc, seq from documents ${where}`].join(' union all ');
}

export const ALL_TABLES = [...OWN_TABLES.map((t) => t.table), 'documents'];
