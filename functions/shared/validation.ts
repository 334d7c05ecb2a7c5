import * as z from 'zod/mini';
import { ValidationError, type FieldIssue } from './errors.js';
import './zod-messages.js';

/** Parse `input` with `schema` or throw a ValidationError naming every bad field. */
export function parseInput<S extends z.ZodMiniType>(schema: S, input: unknown, prefix: (string | number)[] = []): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(toFieldIssues(result.error, prefix, input));
  return result.data;
}

/**
 * One FieldIssue per zod issue. With the parsed `input`, an absent field reads `required`
 * (not "expected string, received undefined"), and size rules carry their limit, so a
 * page can say "请填写出生日期" or "at most 42.5" in its own language from the code.
 */
export function toFieldIssues(error: z.core.$ZodError, prefix: (string | number)[] = [], input?: unknown): FieldIssue[] {
  const path = (parts: PropertyKey[]) => [...prefix, ...parts].map(String).join('.') || '(body)';
  return error.issues.flatMap((i): FieldIssue[] => {
    // Name each unknown field on its own path, so a typo is pointed at directly.
    if (i.code === 'unrecognized_keys') return i.keys.map((k) => ({ path: path([...i.path, k]), message: 'Unknown field', code: i.code }));
    if (i.code === 'invalid_type' && input !== undefined && i.path.length > 0 && valueAt(input, i.path) === undefined) {
      return [{ path: path(i.path), message: 'Required', code: 'required' }];
    }
    const issue: FieldIssue = { path: path(i.path), message: i.message, code: customCode(i) ?? i.code };
    if (i.code === 'too_small' && typeof i.minimum === 'number') issue.minimum = i.minimum;
    if (i.code === 'too_big' && typeof i.maximum === 'number') issue.maximum = i.maximum;
    return [issue];
  });
}

function valueAt(input: unknown, parts: PropertyKey[]): unknown {
  let v = input;
  for (const p of parts) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

/** A refinement may name its rule (`params.code`, e.g. `control_character`): clients can tell rules apart. */
function customCode(i: z.core.$ZodIssue): string | undefined {
  const code = i.code === 'custom' ? (i.params as { code?: unknown } | undefined)?.code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** What a cross-field rule may read: the input as sent, any field possibly absent or of the wrong type. */
export type Loose<T> = { [K in keyof T]?: T[K] extends object ? Loose<T[K]> : unknown };

/**
 * A rule across fields that runs even when some field failed, so one answer names every
 * rule (zod skips an object's refinements once a field has an issue). `rule` gets the
 * input as sent: it must look at each field defensively. Its issues carry `code`.
 */
export function crossFieldRule<T extends object>(rule: (v: Loose<T>, add: (path: (string | number)[], code: string, message: string) => void) => void) {
  return z.superRefine<T>(
    (v, ctx) => rule(v as Loose<T>, (path, code, message) => ctx.addIssue({ code: 'custom', path, message, params: { code } })),
    { when: (p) => p.value !== null && typeof p.value === 'object' },
  );
}
