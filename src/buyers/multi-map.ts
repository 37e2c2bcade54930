/**
 * Key → order ids, for indexes over 100k orders: most keys (a waybill, a nick) have one order, so a key holds a
 * plain string until it has a second id, and an array after; a Set per key would cost several times the memory.
 */
export class MultiMap {
  private readonly map = new Map<string, string | string[]>();

  add(key: string, id: string): void {
    const v = this.map.get(key);
    if (v === undefined) this.map.set(key, id);
    else if (typeof v === 'string') {
      if (v !== id) this.map.set(key, [v, id]);
    } else if (!v.includes(id)) v.push(id);
  }

  remove(key: string, id: string): void {
    const v = this.map.get(key);
    if (v === undefined) return;
    if (typeof v === 'string') {
      if (v === id) this.map.delete(key);
      return;
    }
    const rest = v.filter((x) => x !== id);
    if (rest.length === 0) this.map.delete(key);
    else this.map.set(key, rest.length === 1 ? rest[0]! : rest);
  }

  get(key: string): readonly string[] {
    const v = this.map.get(key);
    return v === undefined ? [] : typeof v === 'string' ? [v] : v;
  }

  has(key: string): boolean {
    return this.map.has(key);
  }

  keys(): IterableIterator<string> {
    return this.map.keys();
  }

  clear(): void {
    this.map.clear();
  }
}
