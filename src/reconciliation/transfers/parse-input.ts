import type { z } from 'zod';
import { ValidationError } from '../../shared/errors.js';

/** zod input → value, or one ValidationError naming the first bad field and listing every problem. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issues = result.error.issues;
  const field = issues[0]?.path.map(String).join('.') || undefined;
  throw new ValidationError(issues.map((i) => `${i.path.map(String).join('.') || 'body'}: ${i.message}`).join('; '), field);
}
