// Names in every script show in the test browser: its fontconfig (browser.ts) adds the
// project's Noto families to the system's, and Chromium reports which fonts drew each
// name (CSS.getPlatformFontsForNode): real Noto (or DejaVu, Debian's default sans, which
// has Arabic and Hebrew) fonts, never a fallback with no glyphs.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NAME_SAMPLES } from '../documents/name-samples.js';
import { launchBrowser } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

describe('names in the browser', () => {
  it('every sample name is drawn with Noto fonts', { timeout: 60_000 }, async () => {
    const page = await browser.newPage();
    const escape = (t: string) => t.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
    await page.setContent(`<body style="font-family: sans-serif">${NAME_SAMPLES.map((s) => `<p id="${s.key}">${escape(s.nameNative)}</p>`).join('')}</body>`);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    for (const sample of NAME_SAMPLES) {
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: `#${sample.key}` });
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      const families = fonts.filter((f) => f.glyphCount > 0 && !/^\s*$/.test(f.familyName));
      expect(families.length, sample.key).toBeGreaterThan(0);
      for (const font of families) expect(font.familyName, `${sample.key}: ${JSON.stringify(fonts)}`).toMatch(/Noto|DejaVu/);
    }
  });
});
