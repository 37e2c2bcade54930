/** Who may log in and what each role may do: the config's `staff` entries are checked against this schema. */
import { z } from 'zod';
import { isScryptHash } from './password.js';

export const ROLES = ['staff', 'assistant', 'keeper', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;
/** Each role's name for people: the console's header and masked-address note, and the refusal that names who may. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  staff: '客服',
  assistant: '仓库助理',
  keeper: '汇款专员',
  admin: '管理员',
};

export const staffAccountSchema = z.object({
  username: z.string().regex(/^[a-z0-9._-]{2,32}$/i, 'letters, digits, . _ - (2–32)'),
  displayName: z.string().min(1).max(16),
  role: roleSchema,
  /** scrypt hash from `xiaoer hash-password` */
  passwordHash: z
    .string()
    .regex(/^scrypt\$/, 'must be a hash from `xiaoer hash-password`, never a plain password')
    .refine(isScryptHash, 'is not a whole hash from `xiaoer hash-password` (scrypt$N$r$p$salt$hash, N a power of two)'),
});
export type StaffAccount = z.infer<typeof staffAccountSchema>;
