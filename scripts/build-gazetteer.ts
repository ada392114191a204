// Build (or rebuild) the cached gazetteer index from the installed GeoNames packages and data/gazetteer, and
// print how long a later load takes and how much memory it holds: `node --import tsx scripts/build-gazetteer.ts`.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { cacheDir, loadGazetteer } from '../src/resolve/gazetteer.ts';

const dir = cacheDir();
if (process.argv.includes('--force') && existsSync(dir)) {
  for (const f of readdirSync(dir)) if (/^gazetteer-[0-9a-f]{16}$/.test(f)) rmSync(path.join(dir, f), { recursive: true, force: true });
}
let t = performance.now();
const g = loadGazetteer();
process.stderr.write(`ready in ${(performance.now() - t).toFixed(0)} ms: ${g.size} places\n`);
t = performance.now();
const again = loadGazetteer({ dir, quiet: true });
const ms = performance.now() - t;
const rss = process.memoryUsage().rss / 2 ** 20;
process.stderr.write(`cached load: ${ms.toFixed(0)} ms, rss ${rss.toFixed(0)} MiB, ${again.size} places\n`);
