/**
 * Reading a zod schema where an issue points: the `.describe()` text of the field under a path, looking through
 * optional/default/pipe wrappers. Kept apart from the translation (zod-errors.ts), which only asks for the text.
 */
import type { z } from 'zod';

/** A schema's definition read generically: which fields it has depends on its type. */
const defOf = (s: z.ZodType) => s._zod.def as unknown as Record<string, unknown>;

/** The schema under `path`, looking through optional/default/pipe wrappers; undefined where the path leaves it. */
function schemaAt(schema: z.ZodType | undefined, path: readonly PropertyKey[]): z.ZodType | undefined {
  let s = schema;
  for (const seg of path) {
    s = unwrap(s);
    if (!s) return undefined;
    const def = defOf(s);
    if (def.type === 'object') s = (def.shape as Record<string, z.ZodType>)[String(seg)];
    else if (def.type === 'array') s = def.element as z.ZodType;
    else if (def.type === 'record') s = def.valueType as z.ZodType;
    else return undefined;
  }
  return s;
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let s = schema;
  for (let i = 0; s && i < 10; i++) {
    const def = defOf(s);
    if (WRAPPERS.has(def.type as string)) s = def.innerType as z.ZodType;
    else if (def.type === 'pipe') s = def.in as z.ZodType;
    else break;
  }
  return s;
}

/** The `.describe()` text of the field under `path` (or of a wrapper around it); undefined when it has none. */
export function describedAt(schema: z.ZodType | undefined, path: readonly PropertyKey[]): string | undefined {
  let s = schemaAt(schema, path);
  for (let i = 0; s && i < 10; i++) {
    if (s.description) return s.description;
    const def = defOf(s);
    s = (WRAPPERS.has(def.type as string) ? def.innerType : def.type === 'pipe' ? def.in : undefined) as
      z.ZodType | undefined;
  }
  return undefined;
}
