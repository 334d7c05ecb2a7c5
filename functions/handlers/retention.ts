import { jobHandler } from '../shared/job.js';
import { retention } from '../use-cases/retention.js';

export const handler = jobHandler('retention', (ctx) => retention(ctx));
