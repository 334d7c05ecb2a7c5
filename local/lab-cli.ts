import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { signedHeaders } from '../functions/domain/lab-signature.js';
import { randomToken } from '../functions/shared/ids.js';
import { parseCli, usageError } from './cli.js';

// `npm run lab -- add NAME`      registers a lab: prints its id and a new random secret
// `npm run lab -- list`          the registered labs (ids and names; no secrets)
// `npm run lab -- sign LAB_ID`   reads a body on stdin, prints the three signed headers
// Labs live in .data/labs.json (LAB_SECRETS_FILE, or --file), which the local
// server reads within seconds; in the cloud the same {labId: secret} pairs go into
// the Secrets Manager secret named by LAB_SECRETS_ARN.

interface LabEntry {
  name: string;
  secret: string;
  createdAt: string;
}

const cliCommand = 'npm run lab --';
const { values, positionals } = parseCli({
  command: cliCommand,
  usage: ['add NAME', 'list', 'sign LAB_ID < body.json'],
  summary:
    'add: registers a lab and prints its id and a new random secret. list: the registered labs (no secrets). sign: prints the three signed headers for the body on stdin.',
  positionals: true,
  options: { file: { type: 'string', default: process.env.LAB_SECRETS_FILE ?? '.data/labs.json' } },
  help: { file: { arg: 'FILE', text: 'the labs file the local server reads ($LAB_SECRETS_FILE)' } },
  footer: ['An `npm start -- --in-memory` stack reads no file: give it labs in $LAB_SECRETS as {"<labId>": "<secret>"}.'],
});
const [command, arg] = positionals;
const file = values.file;

function load(): Record<string, LabEntry> {
  if (!existsSync(file)) return {};
  const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, LabEntry | string>;
  return Object.fromEntries(Object.entries(data).map(([id, e]) => [id, typeof e === 'string' ? { name: id, secret: e, createdAt: '' } : e]));
}

function save(labs: Record<string, LabEntry>): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(labs, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, file);
}

function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 40);
}

function usage(code: number): never {
  console.error(`usage: ${cliCommand} add NAME | list | sign LAB_ID < body.json   [--file .data/labs.json]   (${cliCommand} --help)`);
  process.exit(code);
}

if (command === 'add') {
  const name = [arg, ...positionals.slice(2)].filter(Boolean).join(' ').trim();
  if (!name) usage(2);
  const labs = load();
  const labId = `${slug(name) || 'lab'}-${randomToken(6)}`;
  const secret = randomBytes(32).toString('hex');
  labs[labId] = { name, secret, createdAt: new Date().toISOString() };
  save(labs);
  console.log(JSON.stringify({ labId, name, secret, file }, null, 2));
  console.error(`Give the lab its id and secret over a safe channel. The secret is not shown again by this tool (it stays in ${file}).`);
  console.error(`The lab serves no facility until an administrator sets them: PUT /labs/${labId}/facilities {"facilities": ["<facilityId>", ...] | "all"}.`);
} else if (command === 'list') {
  const labs = load();
  const rows = Object.entries(labs).map(([labId, e]) => ({ labId, name: e.name, createdAt: e.createdAt }));
  if (rows.length === 0) console.log(`No labs in ${file}. Add one: npm run lab -- add NAME`);
  else console.table(rows);
} else if (command === 'sign') {
  const lab = arg ? load()[arg] : undefined;
  if (!arg || !lab) {
    console.error(arg ? `No lab ${arg} in ${file}.` : 'Name the lab id.');
    usage(2);
  }
  const body = readFileSync(0, 'utf8');
  for (const [k, v] of Object.entries(signedHeaders(arg, lab.secret, body))) console.log(`${k}: ${v}`);
} else if (command) {
  usageError(cliCommand, `unknown command ${command}; commands: add, list, sign`);
} else {
  usage(0);
}
