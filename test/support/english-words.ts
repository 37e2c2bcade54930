/**
 * The rule every message a shop person reads must pass: no English word of three or more letters, except the
 * names of products and file types staff see on their own screens (the bank's CSV/XLSX export, the platform's TOP).
 * The person's own data is not ours to translate: text quoted “like this” and the values in params (a cell as read,
 * a buyer's nick) are left out before the check.
 */
export const PRODUCT_NAMES = ['CSV', 'XLSX', 'XLS', 'TOP', 'SKU', 'QQ'] as const;

function paramStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(paramStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(paramStrings);
  return [];
}

export function englishWords(message: string, params?: unknown, allowed: readonly string[] = PRODUCT_NAMES): string[] {
  let text = message.replace(/“[^”]*”/g, '');
  for (const v of paramStrings(params).sort((a, b) => b.length - a.length)) if (v) text = text.split(v).join('');
  return (text.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !allowed.includes(w.toUpperCase()));
}
