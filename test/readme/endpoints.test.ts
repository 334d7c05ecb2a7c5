import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { END, START, withEndpointTable } from '../../local/endpoint-table.js';

// The README's endpoint table is generated from the OpenAPI document: it must be
// exactly what `npm run docs:endpoints` writes, so a route added to the route table and
// the contract shows up in the README, with the contract's description.

describe("README's endpoint table", () => {
  it('is the one generated from the OpenAPI document (run `npm run docs:endpoints`)', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = (text: string) => text.slice(text.indexOf(START), text.indexOf(END));
    expect(section(readme)).toBe(section(withEndpointTable(readme)));
  });
});
