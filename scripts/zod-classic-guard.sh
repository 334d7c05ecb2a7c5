#!/bin/sh
# Fails when code a Lambda bundle can reach imports zod's classic API: `from 'zod'`
# or `from 'zod/v4'` (method-chaining schemas, ~90 KB in every bundle, and the way
# back to `import { z }`, ~440 KB). Handlers use `zod/mini` (functional checks, ~15 KB)
# or `zod/v4/core`; functions/shared/zod-messages.ts installs the English messages
# classic zod would. Run by test/cdk/bundle-size.test.ts, which also checks the
# bundles' own inputs for zod/v4/classic.
set -eu
cd "$(dirname "$0")/.."
found=$(git ls-files -co --exclude-standard -- 'functions/*.ts' 'lib/*.ts' 'local/*.ts' |
  xargs -r grep -nE "(from|import\(|require\() *['\"]zod(/v4)?['\"]" || true)
if [ -n "$found" ]; then
  echo "zod classic API imported (use 'zod/mini'):" >&2
  echo "$found" >&2
  exit 1
fi
echo "zod: no classic import in functions/, lib/, local/"
