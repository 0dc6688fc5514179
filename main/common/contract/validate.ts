import type { z } from 'zod';
import { HubError } from './errors.js';

/** Parses `value` against `schema`, throwing a BAD_REQUEST HubError that names each failing path. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
  throw new HubError('BAD_REQUEST', `invalid ${what}: ${issues.join('; ')}`, { issues });
}
