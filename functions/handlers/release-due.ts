import { jobHandler } from '../shared/job.js';
import { releaseDue } from '../use-cases/due-jobs.js';

export const handler = jobHandler('release-due', releaseDue);
