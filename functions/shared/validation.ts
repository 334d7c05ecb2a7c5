import type * as z from 'zod/mini';
import { ValidationError, type FieldIssue } from './errors.js';
import './zod-messages.js';

/** Parse `input` with `schema` or throw a ValidationError naming every bad field. */
export function parseInput<S extends z.ZodMiniType>(schema: S, input: unknown, prefix: (string | number)[] = []): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(toFieldIssues(result.error, prefix));
  return result.data;
}

export function toFieldIssues(error: z.core.$ZodError, prefix: (string | number)[] = []): FieldIssue[] {
  const path = (parts: PropertyKey[]) => [...prefix, ...parts].map(String).join('.') || '(body)';
  return error.issues.flatMap((i): FieldIssue[] =>
    // Name each unknown field on its own path, so a typo is pointed at directly.
    i.code === 'unrecognized_keys'
      ? i.keys.map((k) => ({ path: path([...i.path, k]), message: 'Unknown field', code: i.code }))
      : [{ path: path(i.path), message: i.message, code: customCode(i) ?? i.code }],
  );
}

/** A refinement may name its rule (`params.code`, e.g. `control_character`): clients can tell rules apart. */
function customCode(i: z.core.$ZodIssue): string | undefined {
  const code = i.code === 'custom' ? (i.params as { code?: unknown } | undefined)?.code : undefined;
  return typeof code === 'string' ? code : undefined;
}
