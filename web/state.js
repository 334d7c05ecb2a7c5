// The signed-in session: the account's ID token (auth.js keeps it for every tab of
// this browser) or a pasted script token (this tab only, sessionStorage), and the
// chosen facility (this tab; a new tab starts with the last one chosen in this
// browser). Screens keep their own data in their modules.

export const store = window.sessionStorage;

export const session = {
  /** 'account' (signed in with username and password) or 'token' (pasted). */
  kind: store.getItem('qd.token') ? 'token' : 'account',
  token: store.getItem('qd.token') || '',
  facility: JSON.parse(store.getItem('qd.facility') || localStorage.getItem('qd.facility') || 'null'),
};

export function chooseFacility(facility) {
  session.facility = facility;
  store.setItem('qd.facility', JSON.stringify(facility));
  if (session.kind === 'account') localStorage.setItem('qd.facility', JSON.stringify(facility));
}

export const signedIn = () => Boolean(session.token && session.facility);

/** The facility id, ready for a path. */
export const fid = () => encodeURIComponent(session.facility.facilityId);
