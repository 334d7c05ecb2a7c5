import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

// The TCP sockets a process listens on, read from /proc like `ss -ltnp` does: the
// socket inodes among the process's open files, matched against /proc/net/tcp{,6}.

export interface Listener {
  address: string;
  port: number;
}

/** `0100007F:1F90` (little-endian IPv4) or 32 hex digits (IPv6, four little-endian words). */
export function decodeAddress(hex: string): string {
  if (hex.length === 8) return [3, 2, 1, 0].map((i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16)).join('.');
  const bytes: number[] = [];
  for (let w = 0; w < 4; w++) for (const i of [3, 2, 1, 0]) bytes.push(parseInt(hex.slice(w * 8 + i * 2, w * 8 + i * 2 + 2), 16));
  const groups = Array.from({ length: 8 }, (_, g) => ((bytes[g * 2]! << 8) | bytes[g * 2 + 1]!).toString(16));
  const mapped = groups.slice(0, 5).every((g) => g === '0') && groups[5] === 'ffff';
  if (mapped) return `::ffff:${bytes.slice(12).join('.')}`;
  const full = groups.join(':');
  // The two addresses that matter here in their usual short form; others uncompressed.
  return full === '0:0:0:0:0:0:0:0' ? '::' : full === '0:0:0:0:0:0:0:1' ? '::1' : full;
}

/** Loopback: 127.0.0.0/8, ::1 and IPv4-mapped 127.x. */
export function isLoopback(address: string): boolean {
  return /^127\./.test(address) || /^::ffff:127\./.test(address) || address === '::1';
}

export function listeners(pid: number): Listener[] {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m) inodes.add(m[1]!);
    } catch {
      // closed meanwhile
    }
  }
  const found: Listener[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      // sl local_address rem_address st ... inode (10th column); st 0A = LISTEN
      if (cols.length < 10 || cols[3] !== '0A' || !inodes.has(cols[9]!)) continue;
      const [addr, port] = cols[1]!.split(':') as [string, string];
      found.push({ address: decodeAddress(addr), port: parseInt(port, 16) });
    }
  }
  return found;
}
