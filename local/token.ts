import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { loadOrCreateKeyPair, signToken } from './jwt.js';

// `npm run token -- --facility F1 [--facility F2] --role staff|admin [--sub alice] [--hours 12]`
// prints a JWT the local server accepts (signed with the key in .data/).

const { values } = parseArgs({
  options: {
    facility: { type: 'string', multiple: true, default: [] },
    role: { type: 'string', default: 'staff' },
    sub: { type: 'string' },
    hours: { type: 'string', default: '12' },
    'data-dir': { type: 'string', default: '.data' },
  },
});

if (values.role !== 'staff' && values.role !== 'admin') {
  console.error('--role must be staff or admin');
  process.exit(2);
}
if (values.role === 'staff' && values.facility.length === 0) {
  console.error('staff tokens need at least one --facility');
  process.exit(2);
}
const keys = loadOrCreateKeyPair(join(values['data-dir'], 'local-jwt-key.pem'));
const sub = values.sub ?? `${values.role}-${values.facility.join('-') || 'all'}`;
console.log(signToken(keys.privateKey, { sub, role: values.role, facilities: values.facility }, Number(values.hours) * 3600));
