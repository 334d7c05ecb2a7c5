import * as z from 'zod';

/** `?limit=&cursor=` of paginated listings (cursor: opaque, from the previous page). */
export const PageQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(2000).optional(),
  })
  .strict();
