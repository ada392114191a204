#!/usr/bin/env node
// The whole test suite: type check, lint, then every *.test.ts under src/, test/ and eval/ with node's test
// runner (TypeScript through tsx). Browser and PostgreSQL tests skip themselves with a printed notice when
// their service is absent on a user's machine; in CI (CI=true) they must run.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const only = process.argv.slice(2);
function find(dir, out = []) {
  let entries = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const e of entries) {
    if (e === 'node_modules' || e.startsWith('.')) continue;
    const p = path.join(dir, e);
    if (statSync(p).isDirectory()) find(p, out);
    else if (e.endsWith('.test.ts')) out.push(path.relative(root, p));
  }
  return out;
}
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit' }).status ?? 1;

if (!only.length) {
  if (run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']) !== 0) process.exit(1);
  if (run('npx', ['biome', 'lint', '--diagnostic-level=error', 'src', 'scripts', 'eval', 'test', 'bench']) !== 0) process.exit(1);
}
const files = (only.length ? only : ['src', 'test', 'eval'].flatMap((d) => find(path.join(root, d)))).sort();
const status = run(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files]);
process.exit(status);
