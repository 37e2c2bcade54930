#!/usr/bin/env node
import { type Config, ConfigError, loadConfig } from '../config/index.js';
import { buildProgram } from './program.js';

/** The CLI is a thin shell over the HTTP API: every command goes through one typed client (see with-service.ts). */
function config(): Config {
  return loadConfig();
}

// `xiaoer jobs list | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const program = buildProgram(config);

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof ConfigError) process.stderr.write(err.message + '\n');
  else process.stderr.write(`xiaoer: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(err instanceof ConfigError ? 2 : 1);
});
