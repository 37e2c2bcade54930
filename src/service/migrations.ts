import type { Migration } from '../storage/index.js';

/**
 * Every change of the stored shape, in order. lowdb never merges defaults into an existing file, so
 * a new field with a default, a renamed collection or a new index is a numbered step here.
 */
export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    description: 'initial schema: orders, parcels, sessions, sync checkpoint',
    up: () => undefined,
  },
];
