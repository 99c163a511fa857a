/**
 * Creates a new PGlite data directory (initdb) and exits: `node pglite-initdb.mjs <dataDir> <options JSON>`.
 * createDb runs it in a child process on first start because initdb needs several hundred MiB of WebAssembly
 * memory that the server process would otherwise keep for its whole life.
 */
import { PGlite } from '@electric-sql/pglite';

const [dataDir, options] = process.argv.slice(2);
if (!dataDir || !options) throw new Error('usage: node pglite-initdb.mjs <dataDir> <options JSON>');
const client = new PGlite(dataDir, JSON.parse(options));
await client.waitReady;
await client.close();
