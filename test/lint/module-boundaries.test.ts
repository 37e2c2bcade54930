import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url).pathname;
let dir: string;

/** A small tree shaped like src/, cruised with the project's own rules. */
async function tree(files: Record<string, string>): Promise<void> {
  await rm(join(dir, 'src'), { recursive: true, force: true });
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}

async function violations(): Promise<string[]> {
  const bin = join(ROOT, 'node_modules/.bin/depcruise');
  try {
    await run(bin, ['src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], { cwd: dir });
    return [];
  } catch (err) {
    const out = (err as { stdout: string }).stdout;
    return [...out.matchAll(/error (\S+): (\S+) →\s*(\S+)/g)].map((m) => `${m[1]} ${m[2]} → ${m[3]}`);
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xiaoer-lint-'));
  await cp(join(ROOT, '.dependency-cruiser.cjs'), join(dir, '.dependency-cruiser.cjs'));
  await writeFile(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext' } }),
  );
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

const feature = {
  'src/tasks/task.ts': 'export type TaskType = "fix_label";\n',
  'src/tasks/index.ts': "export type { TaskType } from './task.js';\n",
  'src/shared/money.ts': 'export const FEN = 100;\n',
};

describe('the module boundaries npm run lint enforces', () => {
  it('when a feature imports another feature through its index.ts, then the lint passes', async () => {
    await tree({
      ...feature,
      'src/handover/report.ts':
        "import type { TaskType } from '../tasks/index.js';\nimport { FEN } from '../shared/money.js';\nexport const t: TaskType | number = FEN;\n",
    });
    expect(await violations()).toEqual([]);
  });

  it("when a feature imports another feature's inner file, then the lint fails naming the rule and both files", async () => {
    await tree({
      ...feature,
      'src/handover/report.ts':
        "import type { TaskType } from '../tasks/task.js';\nexport const t: TaskType = 'fix_label';\n",
    });
    expect(await violations()).toEqual(['feature-through-entry src/handover/report.ts → src/tasks/task.ts']);
  });

  it('when a library imports a feature, or two folders import each other, then the lint fails', async () => {
    await tree({
      ...feature,
      'src/storage/store.ts': "import type { TaskType } from '../tasks/index.js';\nexport type S = TaskType;\n",
      'src/orders/index.ts': "import { h } from '../http/index.js';\nexport const o = () => h;\n",
      'src/http/index.ts': "import { o } from '../orders/index.js';\nexport const h = () => o;\n",
    });
    const found = await violations();
    expect(found).toContain('library-imports-no-shop src/storage/store.ts → src/tasks/index.ts');
    expect(found.some((v) => v.startsWith('no-circular '))).toBe(true);
  });

  it('when a feature imports the composition root, then the lint fails', async () => {
    await tree({
      ...feature,
      'src/service/index.ts': 'export const start = 1;\n',
      'src/tasks/x.ts': "import { start } from '../service/index.js';\nexport const x = start;\n",
    });
    expect(await violations()).toContain('nobody-imports-the-root src/tasks/x.ts → src/service/index.ts');
  });
});
