import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { db } from './db.js';
import { ServiceUnavailableError } from './errors.js';

export type TxItems = NonNullable<TransactWriteCommandInput['TransactItems']>;

export interface CancellationReason {
  Code?: string;
  Item?: Record<string, unknown>;
}

/**
 * Runs a transaction; retries on TransactionConflict (another transaction touched the
 * same items at the same moment) and maps condition failures through `explain`.
 */
export async function transactWithRetry(items: TxItems, explain: (reasons: CancellationReason[]) => Error | undefined): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await db().send(new TransactWriteCommand({ TransactItems: items }));
      return;
    } catch (err) {
      if ((err as Error).name !== 'TransactionCanceledException') throw err;
      const reasons = ((err as { CancellationReasons?: CancellationReason[] }).CancellationReasons ?? []).map((r) => ({
        Code: r.Code,
        Item: r.Item ? unmarshallLoose(r.Item) : undefined,
      }));
      const explained = explain(reasons);
      if (explained) throw explained;
      if (!reasons.some((r) => r.Code === 'TransactionConflict')) throw err;
      if (attempt >= 8) throw new ServiceUnavailableError('Too many simultaneous changes to the same records. Retry.', 1);
      await new Promise((resolve) => setTimeout(resolve, Math.min(200, 5 * 2 ** attempt) * Math.random()));
    }
  }
}

/** Cancellation reasons carry raw attribute values; we only need top-level strings. */
function unmarshallLoose(item: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(item).map(([k, v]) => [k, v && typeof v === 'object' && 'S' in v ? (v as { S: string }).S : v]),
  );
}
