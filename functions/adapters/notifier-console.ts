import type { Notifier } from '../ports/notifier.js';

// Local adapter of the Notifier port: one JSON line per reminder on stdout, with the
// title and counts (no names: those are in the reminder, read through the API).

export function consoleNotifier(write: (line: string) => void = (l) => process.stdout.write(l)): Notifier {
  return {
    name: 'console',
    async send(n) {
      write(`${JSON.stringify({ level: 'info', message: 'reminder', timestamp: new Date().toISOString(), ...n })}\n`);
    },
    async sendToPerson(m) {
      // The text (no names) and the last two digits of the phone only: no personal data in logs.
      write(`${JSON.stringify({ level: 'info', message: 'sms', timestamp: new Date().toISOString(), reminderId: m.reminderId, to: `…${m.phone.slice(-2)}`, text: m.text })}\n`);
    },
  };
}
