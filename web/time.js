// Dates and times on the facility's wall clock (its IANA zone), whatever the browser's zone.
import { session } from './state.js';

const pad = (n) => String(n).padStart(2, '0');
export const tz = () => (session.facility && session.facility.timeZone) || 'UTC';

function partsIn(ms, zone) {
  const f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  const p = {};
  for (const x of f.formatToParts(new Date(ms))) p[x.type] = x.value;
  return p;
}
function offsetMinutes(ms, zone) {
  const p = partsIn(ms, zone);
  return Math.round((Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - Math.floor(ms / 1000) * 1000) / 60000);
}
/** "YYYY-MM-DDTHH:MM" on the facility's wall clock -> ISO with that zone's offset (or the raw text if malformed). */
export function localToIso(value, zone) {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/.exec(value.trim());
  if (!m) return value;
  const guess = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  let off = offsetMinutes(guess, zone);
  off = offsetMinutes(guess - off * 60000, zone);
  const a = Math.abs(off);
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:00${off < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}
export function isoToLocal(iso, zone) {
  const p = partsIn(Date.parse(iso), zone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}
export const nowLocal = () => isoToLocal(new Date().toISOString(), tz());
export const todayLocal = () => nowLocal().slice(0, 10);
export function addDays(date, n) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
