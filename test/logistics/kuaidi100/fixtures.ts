import { readFileSync } from 'node:fs';

/** A recorded-shape kuaidi100 body from test/fixtures/kuaidi100, fresh on every call so tests may edit it. */
export function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../../fixtures/kuaidi100/${name}.json`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;
}
