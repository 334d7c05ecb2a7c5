import { join } from 'node:path';
import { parseCli, usageError } from './cli.js';
import { loadOrCreateKeyPair, MAX_TOKEN_LIFETIME_SECONDS, signToken } from './jwt.js';

// `npm run token -- --facility F1 [--facility F2] --role staff|admin [--sub alice] [--hours 12]`
// prints a JWT the local server accepts (signed with the key in .data/).

const command = 'npm run token --';
const { values } = parseCli({
  command,
  usage: ['--role admin', '--role staff --facility ID [--facility ID]... [--sub NAME] [--hours H]'],
  summary: 'Prints a JWT (a Cognito-shaped ID token) that a local `npm start` accepts, signed with the key in DIR/local-jwt-key.pem (created on first use). An --in-memory stack prints its own admin token instead.',
  options: {
    facility: { type: 'string', multiple: true, default: [] },
    role: { type: 'string', default: 'staff' },
    sub: { type: 'string' },
    hours: { type: 'string', default: '12' },
    'data-dir': { type: 'string', default: '.data' },
  },
  help: {
    facility: { arg: 'ID', text: 'a facility the staff member works for' },
    role: { arg: 'staff|admin', text: 'staff (their facilities only) or admin (every facility)' },
    sub: { arg: 'NAME', text: 'the user id (sub claim; default ROLE-FACILITIES)' },
    hours: { arg: 'H', text: `how long the token is valid, at most ${MAX_TOKEN_LIFETIME_SECONDS / 3600}` },
    'data-dir': { arg: 'DIR', text: 'the --data-dir of `npm start`' },
  },
});

if (values.role !== 'staff' && values.role !== 'admin') usageError(command, `--role ${values.role}: must be staff or admin`);
if (values.role === 'staff' && values.facility.length === 0) usageError(command, 'staff tokens need at least one --facility');
const hours = Number(values.hours);
// The local server refuses tokens that live longer than Cognito's do.
if (!(hours > 0 && hours * 3600 <= MAX_TOKEN_LIFETIME_SECONDS)) usageError(command, `--hours ${values.hours}: a number of hours above 0 and at most ${MAX_TOKEN_LIFETIME_SECONDS / 3600}`);
const keys = loadOrCreateKeyPair(join(values['data-dir'], 'local-jwt-key.pem'));
const sub = values.sub ?? `${values.role}-${values.facility.join('-') || 'all'}`;
if (sub.trim() === '') usageError(command, '--sub must not be empty');
console.log(signToken(keys.privateKey, { sub, role: values.role, facilities: values.facility }, Math.round(hours * 3600)));
