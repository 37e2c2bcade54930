import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root, whether running from src/ (tests) or dist/ (npm start). */
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

export const packageInfo = {
  root,
  version: pkg.version,
  templatesDir: join(root, 'templates'),
  consoleDir: join(root, 'src', 'console', 'public'),
};
