/**
 * Hocuspocus as a user would run it next to Postgres: `@hocuspocus/server` with `@hocuspocus/extension-database`
 * at its defaults (stores the whole document, debounced 2 s, at most every 10 s), storing into a table of the
 * database at DATABASE_URL through postgres.js. No authentication hook. Runs under Node 22 (its engines), as its own
 * process; prints `listening on port N` once it accepts connections on 127.0.0.1.
 */
import { Database } from '@hocuspocus/extension-database';
import { Server } from '@hocuspocus/server';
import postgres from 'postgres';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
const sql = postgres(url, { onnotice: () => undefined });
await sql`create table if not exists hocuspocus_documents (name text primary key, data bytea not null)`;

const server = new Server({
  port: 0,
  address: '127.0.0.1',
  quiet: true,
  extensions: [
    new Database({
      fetch: async ({ documentName }) => {
        const [row] = await sql<{ data: Buffer }[]>`select data from hocuspocus_documents where name = ${documentName}`;
        return row ? new Uint8Array(row.data) : null;
      },
      store: async ({ documentName, state }) => {
        await sql`insert into hocuspocus_documents (name, data) values (${documentName}, ${state})
          on conflict (name) do update set data = excluded.data`;
      },
    }),
  ],
});
await server.listen();
console.log(`listening on port ${server.address.port}`);
