import { notifier } from '../ports/notifier.js';
import { jobHandler } from '../shared/job.js';
import { deliverReminders } from '../use-cases/deliver-reminders.js';

export const handler = jobHandler('deliver-reminders', async (ctx) => deliverReminders(ctx.now, await notifier(), ctx.facilityIds ? { facilityIds: ctx.facilityIds } : {}));
