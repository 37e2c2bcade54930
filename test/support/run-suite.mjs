/**
 * The last step of `npm test`: the tests' type-check (tsc -p test/tsconfig.json, about 10 s of one
 * core) runs beside vitest rather than before it; the run fails if either fails. Arguments go to
 * vitest (`npm test -- test/sync`). The build comes before this step: the CLI tests run dist/.
 */
import { spawn } from 'node:child_process';
import process from 'node:process';

/** Runs a tool from node_modules/.bin (npm puts it on PATH) with our output; resolves its exit code. */
function run(tool, args) {
  return new Promise((resolve) => {
    const child = spawn(tool, args, { stdio: 'inherit' });
    child.on('error', (err) => {
      process.stderr.write(`${tool}: ${err.message}\n`);
      resolve(1);
    });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

const [types, tests] = await Promise.all([
  run('tsc', ['-p', 'test/tsconfig.json']),
  run('vitest', ['run', '--config', 'test/vitest.config.ts', ...process.argv.slice(2)]),
]);
process.exitCode = types || tests;
