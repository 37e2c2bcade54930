/**
 * Copying a whole store into another (`xiaoer store copy`, docs/postgres.md): lowdb to PostgreSQL and back,
 * checked by counts and sha256 digests per collection and per log. Written only against the Store contract.
 */
export { copyStore, holdings, CopyMismatchError, DestinationNotEmptyError } from './copy-store.js';
export type { CopiedPart, CopyOptions, CopyProgress, CopyReport, CopyStep } from './copy-store.js';
export { canonicalJson, digestCollection, digestLog, digestStore, EMPTY_DIGEST } from './checksum.js';
export type { Digest, StoreDigest } from './checksum.js';
