import { StringDecoder } from 'node:string_decoder';

/**
 * Lines of a byte stream, pulled one chunk at a time so a 1 GB JSON Lines input streams in constant memory.
 * `readline`'s async iterator does not wait for the consumer: it queues every 'line' event, so a slow consumer
 * (the extraction pipeline) ends up holding the whole file in memory. A trailing "\r" is dropped ("\r\n" files).
 */
export async function* readLines(input: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  for await (const chunk of input) {
    const s = carry + (typeof chunk === 'string' ? chunk : decoder.write(chunk));
    let start = 0;
    for (let nl = s.indexOf('\n'); nl >= 0; nl = s.indexOf('\n', start)) {
      yield s.charCodeAt(nl - 1) === 13 ? s.slice(start, nl - 1) : s.slice(start, nl);
      start = nl + 1;
    }
    carry = s.slice(start);
  }
  carry += decoder.end();
  if (carry) yield carry.endsWith('\r') ? carry.slice(0, -1) : carry;
}
