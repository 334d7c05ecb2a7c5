import { describe, expect, it } from 'vitest';
import { reminderItem, type Reminder } from '../../functions/entities/reminder.js';
import { config } from '../../functions/shared/config.js';

// Reminder lines carry names: the items expire (DynamoDB TTL) after the retention period.
describe('reminder expiry', () => {
  it('expires RETENTION_DAYS after it was created', () => {
    const createdAt = '2026-12-04T08:00:00.000Z';
    const item = reminderItem({ facilityId: 'f', reminderId: 'retest_due-2026-12-04', createdAt, delivery: { state: 'pending', attempts: 0 } } as unknown as Reminder);
    expect(item.expiresAt).toBe(Date.parse(createdAt) / 1000 + config().RETENTION_DAYS * 86_400);
  });
});
