import { parentPort, workerData } from 'node:worker_threads';
import { extractLine } from './extract-line.ts';

// A worker thread for `extract --jsonl --workers N`: batches of lines in, output lines back, same order.
parentPort!.on('message', (batch: { seq: number; lines: [number, string][] }) => {
  const out = batch.lines.map(([no, line]) => extractLine(line, no, workerData.opts));
  parentPort!.postMessage({ seq: batch.seq, out });
});
