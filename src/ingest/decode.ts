import type { Diagnostic } from '../core/index.ts';

/** Result of turning bytes into text. */
export interface Decoded {
  readonly text: string;
  readonly encoding: string;
  readonly guessed: boolean;
}

/** True when bytes look like a binary file (NUL bytes or many control characters in the first 8 KiB). */
export function looksBinary(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 8192);
  if (n === 0) return false;
  // UTF-16 text is full of NULs; its BOM is checked before this.
  let ctrl = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) ctrl++;
  }
  return ctrl / n > 0.05;
}

// Windows-1252's printable characters at 0x80–0x9F (curly quotes, dashes, €, …). Node's TextDecoder treats
// "windows-1252" as ISO-8859-1 there and returns C1 control codes, so "\x93Hello\x94" lost its quotes.
// Undefined positions (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the same code point, as browsers do.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Decode Windows-1252 bytes (bytes 0xA0–0xFF equal Latin-1; 0x80–0x9F through the table above). */
export function decodeWindows1252(buf: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < buf.length; i += CHUNK) {
    const sub = buf.subarray(i, i + CHUNK);
    let s = '';
    for (let k = 0; k < sub.length; k++) {
      const b = sub[k]!;
      s += b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b);
    }
    parts.push(s);
  }
  return parts.join('');
}

/**
 * Decode bytes: a BOM decides (UTF-8, UTF-16 LE/BE); otherwise strict UTF-8, falling back to Windows-1252
 * (a superset of Latin-1 for printable text), which is then a guess and says so.
 */
export function decodeBytes(buf: Uint8Array): Decoded {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(buf.subarray(3)), encoding: 'utf-8', guessed: false };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(buf.subarray(2)), encoding: 'utf-16le', guessed: false };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(buf.subarray(2)), encoding: 'utf-16be', guessed: false };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8', guessed: false };
  } catch {
    return { text: decodeWindows1252(buf), encoding: 'windows-1252', guessed: true };
  }
}

/** The diagnostic stating a guessed encoding. */
export function encodingDiagnostic(input: string, d: Decoded): Diagnostic[] {
  return d.guessed
    ? [{ code: 'SITREP_INGEST_ENCODING_GUESSED', severity: 'warning', message: `${input}: not valid UTF-8; decoded as ${d.encoding}`, stage: 'ingest' }]
    : [];
}
