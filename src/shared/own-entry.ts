/**
 * `table[key]` over the table's own keys only. A key that comes from outside (a request, a
 * platform's answer, a statement) can be `constructor` or `toString`, and an object literal would
 * answer with Object's own members instead of "not listed".
 */
export function ownEntry<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
