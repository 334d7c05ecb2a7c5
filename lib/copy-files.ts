import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { ICommandHooks } from 'aws-cdk-lib/aws-lambda-nodejs';
import { assertInside, PROJECT_ROOT } from './project-paths.js';

// Files esbuild cannot see (fonts, templates) are copied into the bundle after
// it is built. The copies count in the asset hash, so changing a font redeploys.

export interface CopyFile {
  /** Path relative to the project root, e.g. `node_modules/@expo-google-fonts/...ttf`. A directory is copied whole. */
  from: string;
  /** Destination path relative to the bundle root (the Lambda's /var/task), e.g. `fonts/NotoSansSC-Regular.ttf`. */
  to: string;
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export function copyFilesHooks(files: readonly CopyFile[]): ICommandHooks {
  const checked = files.map((file) => {
    const from = assertInside(file.from, 'copyFiles.from');
    // Fail at synth, not with a missing font at the first document rendered in production.
    if (!existsSync(join(PROJECT_ROOT, from))) throw new Error(`copyFiles.from "${file.from}" does not exist under ${PROJECT_ROOT}`);
    return { from: from.split('\\').join('/'), to: assertInside(file.to, 'copyFiles.to').split('\\').join('/') };
  });
  return {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (inputDir, outputDir) =>
      checked.flatMap(({ from, to }) => [
        `mkdir -p ${quote(posix.join(outputDir, posix.dirname(to)))}`,
        `cp -R ${quote(posix.join(inputDir, from))} ${quote(posix.join(outputDir, to))}`,
      ]),
  };
}
