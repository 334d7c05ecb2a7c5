import { join } from 'node:path';
import { accountStore } from '../functions/adapters/accounts-file.js';
import { oneTimePassword } from '../functions/domain/one-time-password.js';
import { parseCli, usageError } from './cli.js';

// `npm run account -- reset-password USER`  a new one-time password for a local account
// `npm run account -- list`                 the local accounts (no passwords)
// The accounts of `npm start`'s OpenID provider live in DIR/accounts.json; a running
// server reads the change at the next sign-in. The account's sessions end.

const command = 'npm run account --';
const { values, positionals } = parseCli({
  command,
  usage: ['reset-password USERNAME', 'list'],
  summary: 'reset-password: prints a new one-time password for a local account (changed at its next sign-in; its sessions end). list: the local accounts.',
  positionals: true,
  options: { 'data-dir': { type: 'string', default: '.data' } },
  help: { 'data-dir': { arg: 'DIR', text: 'the --data-dir of `npm start`' } },
});
const store = accountStore(join(values['data-dir'], 'accounts.json'));
const [verb, username] = positionals;
if (verb === 'list') {
  for (const a of store.all()) console.log(`${a.username}\t${a.role}\t${a.facilities.join(',') || '-'}\t${a.enabled ? 'enabled' : 'disabled'}${a.mustChangePassword ? '\tpassword change required' : ''}`);
} else if (verb === 'reset-password' && username) {
  if (!store.byUsername(username)) usageError(command, `no local account "${username}" (npm run account -- list)`);
  const password = oneTimePassword();
  await store.resetPassword(username, password);
  console.log(`One-time password for "${username.toLowerCase()}":  ${password}  (to be changed at the next sign-in)`);
} else {
  usageError(command, 'say reset-password USERNAME or list');
}
