import { jobHandler } from '../shared/job.js';
import { missedReports } from '../use-cases/missed-reports.js';

export const handler = jobHandler('missed-reports', missedReports);
