import { readFile } from 'node:fs/promises';
import { parseLabSecrets, type LabSecretSource } from '../ports/lab-secrets.js';

// Local adapters of the LabSecrets port: the LAB_SECRETS environment variable, or
// the JSON file `npm run lab -- add NAME` maintains (.data/labs.json).

export function envSource(json: string): LabSecretSource {
  return { name: 'env:LAB_SECRETS', load: async () => parseLabSecrets(json, 'LAB_SECRETS') };
}

export function fileSource(path: string): LabSecretSource {
  return {
    name: `file:${path}`,
    async load() {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (err) {
        // No file yet: no lab is registered, so every request is refused (401).
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
        throw err;
      }
      return parseLabSecrets(text, path);
    },
  };
}
