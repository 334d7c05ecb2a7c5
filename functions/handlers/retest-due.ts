import { jobHandler } from '../shared/job.js';
import { retestDue } from '../use-cases/due-jobs.js';

export const handler = jobHandler('retest-due', retestDue);
