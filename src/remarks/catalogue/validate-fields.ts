/**
 * Request fields → normalized fields through the kind's zod schema. Blank values count as absent
 * (forms and the CLI send '' for an empty box), and the first problem becomes a ValidationError
 * naming `fields.<name>`, so the HTTP layer answers 400 with the field.
 */
import type { z } from 'zod';
import { ValidationError } from '../../shared/errors.js';
import type { RemarkKind } from './types.js';

export function validateFields(kind: RemarkKind, raw: unknown): Record<string, unknown> {
  const input = raw ?? {};
  if (typeof input !== 'object' || Array.isArray(input)) throw new ValidationError('fields must be an object', 'fields');
  const present: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) {
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) continue;
    present[k] = v;
  }
  const parsed = kind.schema.safeParse(present);
  if (parsed.success) return dropUndefined(parsed.data);
  throw toValidationError(kind, parsed.error.issues, present);
}

function toValidationError(kind: RemarkKind, issues: readonly z.core.$ZodIssue[], present: Record<string, unknown>): ValidationError {
  const issue = issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const hint = key === 'staff' ? '；写入人取自登录账号 (the writer is the logged-in user)' : '';
    return new ValidationError(`${kind.id} 没有字段 ${key}${hint} (unknown field)`, `fields.${key}`, 'unknown_field');
  }
  const name = issue.path.map(String).join('.');
  const field = name ? `fields.${name}` : 'fields';
  if (name && present[name] === undefined) {
    return new ValidationError(`${kind.id} 缺少必填字段 ${name} (required)`, field, 'required');
  }
  return new ValidationError(issue.message, field);
}

function dropUndefined(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
}
