import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BUNDLED_FONT_FILES, fontPath, type FontKey } from '../../functions/documents/fonts.js';

describe('fontPath', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('uses FONT_DIR with the bundle file names when set (the Lambda layout)', () => {
    vi.stubEnv('FONT_DIR', '/opt/fonts');
    expect(fontPath('kr-bold')).toBe(join('/opt/fonts', BUNDLED_FONT_FILES['kr-bold']));
  });

  it('falls back to the @expo-google-fonts files in node_modules', () => {
    vi.stubEnv('FONT_DIR', '');
    for (const key of Object.keys(BUNDLED_FONT_FILES) as FontKey[]) {
      const path = fontPath(key);
      expect(path).toContain(join('node_modules', '@expo-google-fonts'));
      expect(existsSync(path)).toBe(true);
    }
  });
});
