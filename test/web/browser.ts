import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PACKAGE_FONT_FILES } from '../../functions/documents/font-files.js';

// Debian's chromium driven by playwright-core. Names in every script need fonts: the
// project already ships a Noto family per script (for the PDFs), so a private
// fontconfig file adds them to the system fonts for this browser only.

export const RESULTS_DIR = resolve('test-results');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function fontConfig(): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const dirs = [...new Set(Object.values(PACKAGE_FONT_FILES).map((file) => dirname(resolve('node_modules', file))))];
  const file = join(RESULTS_DIR, 'fonts.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
${dirs.map((dir) => `  <dir>${dir}</dir>`).join('\n')}
  <cachedir>${join(RESULTS_DIR, 'fontcache')}</cachedir>
</fontconfig>
`,
  );
  return file;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    env: { ...process.env, FONTCONFIG_FILE: fontConfig() },
  });
}

/** A tablet-sized page that records console errors (a CSP violation is one) and accepts confirm() dialogs. */
export async function tabletPage(browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1180, height: 820 }, locale: 'en-GB', acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  page.on('console', (m) => {
    // Refused requests (400, 404, 409) are logged by the browser too; they are expected here.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => void d.accept());
  return { page, errors };
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  const path = join(RESULTS_DIR, `web-${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}
