/**
 * Builds the production server: src/main.ts and the workspace packages it imports (@quorum/*, TypeScript
 * sources) bundled with their pure-JavaScript dependencies into one ES module, dist/main.js, with a source
 * map (`node --enable-source-maps dist/main.js` prints stack traces in the TypeScript sources).
 *
 * Kept outside the bundle and loaded from node_modules at run time: packages that read files next to their
 * own code (PGlite's WebAssembly and data files, pdfkit's font metrics) or load a native addon (argon2).
 * They are imported by their resolved path, so they load even where pnpm does not link them into
 * apps/server/node_modules (they belong to a workspace package).
 *
 * `import.meta.url` in workspace sources still names the source file's place (the migrations folder next
 * to packages/db/src, the web build beside apps/server), so paths relative to it hold in the bundle.
 */
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoDir = resolve(serverDir, '../..');
const outDir = resolve(serverDir, 'dist');
/** Loaded from node_modules at run time (files beside their code, or native addons). */
const external = ['@electric-sql/pglite', '@node-rs/argon2', 'pdfkit'];

/** Imports external packages by a path relative to the bundle, resolved from the importing file. */
const externalByPath = {
  name: 'external-by-path',
  setup(builder) {
    const filter = new RegExp(`^(${external.map((name) => name.replace('/', '\\/')).join('|')})(\\/|$)`);
    builder.onResolve({ filter }, async (args) => {
      if (args.pluginData === 'external-by-path') return undefined;
      const found = await builder.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: 'external-by-path',
      });
      if (found.errors.length > 0) return { errors: found.errors };
      return { path: `./${relative(outDir, found.path)}`, external: true };
    });
  },
};

/** Rewrites `import.meta.url` in workspace TypeScript to the URL of the source file, relative to the bundle. */
const sourceImportMetaUrl = {
  name: 'source-import-meta-url',
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (args.path.includes('/node_modules/')) return undefined;
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return { contents: source, loader: 'ts' };
      const fromBundle = JSON.stringify(relative(outDir, args.path));
      return {
        contents: source.replaceAll('import.meta.url', `new URL(${fromBundle}, import.meta.url).href`),
        loader: 'ts',
      };
    });
  },
};

const result = await build({
  entryPoints: [resolve(serverDir, 'src/main.ts')],
  outfile: resolve(outDir, 'main.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  sourcesContent: false,
  metafile: true,
  logLevel: 'warning',
  plugins: [externalByPath, sourceImportMetaUrl],
  // CommonJS dependencies (ioredis, …) call require() for Node's built-ins.
  banner: {
    js: "import { createRequire as __quorumRequire } from 'node:module'; const require = __quorumRequire(import.meta.url);",
  },
});

const bytes = Object.values(result.metafile.outputs).find((output) => output.entryPoint)?.bytes ?? 0;
console.log(`[build] ${relative(repoDir, resolve(outDir, 'main.js'))} (${(bytes / 1024).toFixed(0)} KiB)`);
