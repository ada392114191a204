import assert from 'node:assert/strict';
import { it } from 'node:test';
import { readLines } from './read-lines.ts';

it('splits lines across chunk boundaries, inside a multi-byte character, and drops the CR of CRLF', async () => {
  const bytes = Buffer.from('{"t":"café"}\r\n{"t":"Kyiv"}\n\nlast');
  // Cut inside "é" (two bytes in UTF-8) and between "\r" and "\n".
  const cuts = [9, 14, 15, 20];
  const chunks: Buffer[] = [];
  let prev = 0;
  for (const c of [...cuts, bytes.length]) {
    chunks.push(bytes.subarray(prev, c));
    prev = c;
  }
  const out: string[] = [];
  for await (const l of readLines((async function* () { yield* chunks; })())) out.push(l);
  assert.deepEqual(out, ['{"t":"café"}', '{"t":"Kyiv"}', '', 'last']);
});
