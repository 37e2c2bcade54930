/** Documents of one collection, spread over shard files by a stable hash of their id. */
export interface ShardedCollection {
  readonly name: string;
  readonly shards: Map<string, unknown>[];
}

export function createCollection(name: string, shards: number): ShardedCollection {
  return { name, shards: Array.from({ length: Math.max(1, shards) }, () => new Map<string, unknown>()) };
}

/** FNV-1a: stable across processes and versions, unlike anything keyed on object identity. */
export function shardOf(id: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % shards;
}

export function shardFileName(shard: number): string {
  return `${String(shard).padStart(3, '0')}.json`;
}
