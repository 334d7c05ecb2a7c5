import type { Reminder, ReminderKind } from '../entities/reminder.js';

// What a reminder's list shows: its state and which of its lines still concern
// someone in the facility. A line names a stay; once that stay closes (release,
// transfer, cancelled registration) the line drops out, and a reminder whose every
// person left is "closed". Pure, so the listing and its filters are unit-tested.

export const REMINDER_STATES = ['open', 'handled', 'closed'] as const;
export type ReminderState = (typeof REMINDER_STATES)[number];

export interface ReminderViewLine {
  /** The stay named by the line is closed: the person left. */
  closed?: true;
}

export type ReminderView = Omit<Reminder, 'lines'> & { state: ReminderState; lines: (Reminder['lines'][number] & ReminderViewLine)[] };

export interface ReminderFilter {
  state?: ReminderState | 'all';
  kind?: ReminderKind;
  /** Room number (exact or its start) or a name (native or Latin, any part). */
  q?: string;
}

/** The reminder with its state: handled wins (staff decided), then closed (every person named has left), else open. */
export function reminderView(r: Reminder, isOpenStay: (stayId: string) => boolean): ReminderView {
  const lines = r.lines.map((l) => (l.stayId && !isOpenStay(l.stayId) ? { ...l, closed: true as const } : l));
  const named = lines.filter((l) => l.stayId);
  const allLeft = named.length > 0 && named.every((l) => 'closed' in l);
  return { ...r, lines, state: r.handled ? 'handled' : allLeft ? 'closed' : 'open' };
}

export function matchesReminder(v: ReminderView, f: ReminderFilter): boolean {
  if (f.state && f.state !== 'all' && v.state !== f.state) return false;
  if (f.kind && v.kind !== f.kind) return false;
  const q = f.q?.trim();
  if (!q) return true;
  const needle = searchKey(q);
  return v.lines.some((l) => {
    if (l.roomNumber && searchKey(l.roomNumber).startsWith(needle)) return true;
    if (l.gridCell && searchKey(l.gridCell).startsWith(needle)) return true;
    return l.name !== undefined && searchKey(l.name).includes(needle);
  });
}

/** Case, width and spacing do not matter when searching ("Ｌｉ na" finds "LI Na"). */
const searchKey = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
