import { CreateAccountInput, UpdateAccountInput } from '../schemas/accounts.js';
import { httpHandler, json } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { accountAudit, createAccount, listAccounts, resetAccountPassword, setAccountEnabled, updateAccount } from '../use-cases/accounts.js';

// Staff accounts administration, admins only (staff get 403 before the body is read).
// One function for every /accounts route: it alone holds the user pool's admin permissions.
const NO_STORE = { 'cache-control': 'no-store' };

export const handler = httpHandler('admin', async (req) => {
  const username = () => req.param('username').toLowerCase();
  switch (req.event.routeKey) {
    case 'GET /accounts':
      return json(200, await listAccounts(req.principal), NO_STORE);
    case 'POST /accounts':
      return json(201, await createAccount(req.principal, parseInput(CreateAccountInput, req.body)), NO_STORE);
    case 'PUT /accounts/{username}':
      return json(200, await updateAccount(req.principal, username(), parseInput(UpdateAccountInput, req.body)));
    case 'POST /accounts/{username}/disable':
      return json(200, await setAccountEnabled(req.principal, username(), false));
    case 'POST /accounts/{username}/enable':
      return json(200, await setAccountEnabled(req.principal, username(), true));
    case 'POST /accounts/{username}/reset-password':
      return json(200, await resetAccountPassword(req.principal, username()), NO_STORE);
    default:
      return json(200, await accountAudit(req.principal, username()));
  }
});
