#!/usr/bin/env node
// `npm start`: build the dashboard if needed, ingest the example corpus into the embedded database (the
// default data directory, or --data DIR / DATABASE_URL), then serve the API and dashboard on 127.0.0.1:8080.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const extra = process.argv.slice(2);
// Exit code 1 from ingest means some inputs failed (each named above); the rest is stored, so serve anyway.
const run = (args, tolerated = 0) => {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0 && r.status !== tolerated) process.exit(r.status ?? 1);
};
if (existsSync(path.join(root, 'scripts/build-web.mjs'))) run(['scripts/build-web.mjs', '--if-stale']);
// Only --data reaches ingest; --host/--port are serve's.
const di = extra.indexOf('--data');
const dataArgs = di >= 0 ? extra.slice(di, di + 2) : [];
run(['bin/sitrep.mjs', 'ingest', 'examples/corpus', ...dataArgs], 1);
run(['bin/sitrep.mjs', 'serve', ...extra]);
