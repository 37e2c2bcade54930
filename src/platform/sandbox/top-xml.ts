import { unmarkBig } from './wire-trade.js';

/** format=xml (the platform's default format): the same response tree as elements; lists carry list="true". */
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function element(name: string, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((v) => element(name, v)).join('');
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    const isList = entries.length === 1 && Array.isArray(entries[0]![1]);
    return `<${name}${isList ? ' list="true"' : ''}>${entries.map(([k, v]) => element(k, v)).join('')}</${name}>`;
  }
  return `<${name}>${esc(unmarkBig(String(value)))}</${name}>`;
}

export function toXml(root: string, body: Record<string, unknown>): string {
  return `<?xml version="1.0" encoding="utf-8" ?>${element(root, body)}`;
}
