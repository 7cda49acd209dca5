import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';
import { DomainError } from './domain-error';

/** Field → first problem, e.g. `{ "people.0.uci": "must be 8 or 10 digits" }`. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '(body)';
    fields[path] ??= issue.message;
  }
  return fields;
}

/** zod validation for a request part; failures become a 422 naming each bad field. */
export function valid<T extends keyof ValidationTargets, S extends z.ZodType>(target: T, schema: S) {
  return zValidator(target, schema, (result) => {
    if (!result.success) {
      throw new DomainError('validation_failed', 'Some fields are not valid.', fieldErrors(result.error as unknown as z.ZodError));
    }
  });
}
