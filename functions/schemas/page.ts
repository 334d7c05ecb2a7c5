import * as z from 'zod/mini';

/** `?limit=&cursor=` of paginated listings (cursor: opaque, from the previous page). */
export const PageQuery = z.strictObject({
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(200)), 50),
  cursor: z.optional(z.string().check(z.maxLength(2000))),
});
