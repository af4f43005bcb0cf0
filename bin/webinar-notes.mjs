#!/usr/bin/env node
// The command line of Webinar Notes: the same pure core the extension uses, run by Node through
// tsx (TypeScript without a build step).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), process.stdout, process.stderr);
