#!/usr/bin/env node
// `npm start`: build the dashboard if needed, ingest the example corpus into the embedded database (the
// default data directory, or --data DIR / DATABASE_URL), then serve the API and dashboard on 127.0.0.1:8080.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const extra = process.argv.slice(2);
const run = (args) => {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
if (existsSync(path.join(root, 'scripts/build-web.mjs'))) run(['scripts/build-web.mjs', '--if-stale']);
run(['bin/sitrep.mjs', 'ingest', 'examples/corpus', ...extra]);
run(['bin/sitrep.mjs', 'serve', ...extra]);
