import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Pieces of generated wire copy: varied enough that sentences, numbers, places and dates all get work.
const PLACES = ['Aleppo', 'Idlib', 'Kharkiv', 'El Fasher', 'Mandalay', 'Goma', 'Gaza City', 'Mogadishu', 'Kherson', 'Hama'];
const ACTORS = ['government forces', 'rebel fighters', 'an armed group', 'the army', 'militia fighters', 'unidentified gunmen'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** A deterministic generated article in wire style (no real article text). */
export function generateArticle(i: number): { id: string; published: string; text: string } {
  const p = PLACES[i % PLACES.length]!;
  const q = PLACES[(i * 7 + 3) % PLACES.length]!;
  const a = ACTORS[i % ACTORS.length]!;
  const b = ACTORS[(i + 2) % ACTORS.length]!;
  const d = DAYS[i % 7]!;
  const k = (i % 40) + 2;
  const text = [
    `${p.toUpperCase()} — Fighting between ${a} and ${b} near ${p} on ${d} killed at least ${k} people, including ${Math.ceil(k / 3)} civilians, a monitoring group said.`,
    `The group said more than ${k * 10} families had fled villages east of ${q} since the clashes began, and that shelling had damaged a hospital.`,
    `A spokesman for ${b} denied the figures and said its fighters had not targeted residential areas.`,
    `"We heard explosions all night," said a resident who asked not to be named. Aid agencies said roads to ${q} were closed.`,
    `The area has seen repeated clashes since 2020, when a truce brokered by regional powers collapsed.`,
  ].join('\n');
  return { id: `gen-${i}`, published: `2024-0${(i % 9) + 1}-1${i % 10}`, text };
}

/** Write n generated articles as JSON Lines; returns the file's size in bytes. */
export async function writeCorpus(file: string, n: number): Promise<number> {
  const out = createWriteStream(file);
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const line = `${JSON.stringify(generateArticle(i))}\n`;
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
  return bytes;
}

/** Peak resident set of a running process in MB (Linux /proc; null elsewhere). */
function peakRssMb(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Run `extract --jsonl` on a JSON Lines file; wall time, output lines and the process's peak RSS. */
export async function runJsonl(file: string, workers = 1): Promise<{ seconds: number; lines: number; peak_rss_mb: number | null; code: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/sitrep.mjs'), 'extract', '--jsonl', file, '--workers', String(workers)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let lines = 0;
  child.stdout.on('data', (c: Buffer) => {
    for (let i = c.indexOf(10); i >= 0; i = c.indexOf(10, i + 1)) lines++;
  });
  let peak: number | null = null;
  // VmHWM is the high-water mark, so sampling it until exit gives the peak even between samples.
  const timer = setInterval(() => {
    const v = peakRssMb(child.pid!);
    if (v !== null) peak = Math.max(peak ?? 0, v);
  }, 100);
  const code = await new Promise<number>((r) => child.on('close', (c) => r(c ?? 1)));
  clearInterval(timer);
  return { seconds: (performance.now() - t0) / 1000, lines, peak_rss_mb: peak === null ? null : Math.round(peak), code };
}

/** Generate n articles, run `extract --jsonl` on them and report throughput and peak RSS. */
export async function benchExtract(n: number, workers = 1): Promise<{ articles: number; workers: number; articles_per_s: number; peak_rss_mb: number | null; seconds: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-bench-'));
  try {
    const file = path.join(dir, 'corpus.jsonl');
    await writeCorpus(file, n);
    const r = await runJsonl(file, workers);
    if (r.lines !== n) throw new Error(`expected ${n} output lines, got ${r.lines} (exit ${r.code})`);
    return { articles: n, workers, articles_per_s: Math.round((n / r.seconds) * 10) / 10, peak_rss_mb: r.peak_rss_mb, seconds: Math.round(r.seconds * 10) / 10 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Alone: `node --import tsx bench/extract.ts [N] [WORKERS...]`, e.g. `bench/extract.ts 10000 1 2`.
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const n = Number(process.argv[2] ?? 10000);
  const workerCounts = process.argv.slice(3).map(Number);
  for (const w of workerCounts.length ? workerCounts : [1, 2]) console.log(JSON.stringify(await benchExtract(n, w)));
}
