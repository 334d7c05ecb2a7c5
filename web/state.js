// The signed-in session: the pasted token and the chosen facility, kept in this tab
// only (sessionStorage). Screens keep their own data in their modules.

export const store = window.sessionStorage;

export const session = {
  token: store.getItem('qd.token') || '',
  facility: JSON.parse(store.getItem('qd.facility') || 'null'),
};

export const signedIn = () => Boolean(session.token && session.facility);

/** The facility id, ready for a path. */
export const fid = () => encodeURIComponent(session.facility.facilityId);
