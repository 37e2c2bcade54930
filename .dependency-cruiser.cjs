/**
 * The module boundaries of src/, checked by `npm run lint` (dependency-cruiser reads the whole import graph, so it
 * also sees cycles and layering, which a per-file ESLint rule cannot). See docs/architecture.md for the map.
 *
 * - A library folder (shared, storage, http-client, scheduler) imports nothing of the shop.
 * - A feature folder is used from outside only through its index.ts; `shared/` is a toolbox whose every file is
 *   public. An adapter's own index.ts (src/platform/taobao/index.ts, …) is opened by the composition root only.
 * - The composition root (service/) and the shells over it (cli/, main.ts) are imported by nobody below them.
 * - No import cycles, between files or between folders.
 */
const LIBRARIES = '(shared|storage|http-client|scheduler)';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'A cycle means two modules cannot be understood, tested or moved apart: put the shared piece where its owner is.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-circular-folders',
      severity: 'error',
      comment: 'Folders that import each other are one module in two places: move the shared type to its owner.',
      scope: 'folder',
      from: { path: '^src/[^/]+/' },
      to: { circular: true },
    },
    {
      name: 'library-imports-no-shop',
      severity: 'error',
      comment:
        'Libraries sit under every feature; a library that reaches up into the shop cannot be reused or tested alone.',
      from: { path: `^src/${LIBRARIES}/` },
      to: { path: '^src/', pathNot: `^src/${LIBRARIES}/` },
    },
    {
      name: 'feature-through-entry',
      severity: 'error',
      comment:
        "Another feature's inner file is private: import what it exports from its index.ts (or, for its config " +
        'schema and names, from its settings.ts, which loads without the feature).',
      from: { path: '^src/([^/]+)/', pathNot: '^src/service/' },
      to: {
        path: '^src/([^/]+)/',
        pathNot: ['^src/$1/', '^src/[^/]+/index\\.ts$', '^src/[^/]+/settings\\.ts$', '^src/shared/'],
      },
    },
    {
      name: 'root-through-entries',
      severity: 'error',
      comment: 'The composition root wires features by their entries and adapters by their own entries.',
      from: { path: '^src/service/' },
      to: {
        path: '^src/([^/]+)/',
        pathNot: [
          '^src/service/',
          '^src/[^/]+/index\\.ts$',
          '^src/[^/]+/settings\\.ts$',
          '^src/[^/]+/[^/]+/index\\.ts$',
          '^src/shared/',
        ],
      },
    },
    {
      name: 'nobody-imports-the-root',
      severity: 'error',
      comment:
        'service/ wires everything; cli/ and main.ts are shells over it. A feature that imports them is a cycle in waiting.',
      from: { path: '^src/', pathNot: '^src/(service/|cli/|main\\.ts$)' },
      to: { path: '^src/(service/|cli/|main\\.ts$)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // The console is a browser app with lazy page imports; ESLint checks it with browser globals.
    exclude: { path: '^src/console/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
