import { createHash } from 'node:crypto';

/** Number of MinHash permutations; 16 bands × 4 rows gives ~50% collision at Jaccard 0.5 and ~99% at 0.8. */
const PERMS = 64;
const BANDS = 16;
const ROWS = PERMS / BANDS;

// Multiply-shift hash family seeded deterministically so signatures are stable across runs and machines.
const SEEDS = Array.from({ length: PERMS }, (_, i) => {
  const h = createHash('sha256').update(`sitrep-minhash-${i}`).digest();
  return [h.readUInt32LE(0) | 1, h.readUInt32LE(4)] as const;
});

/** FNV-1a 32-bit hash of a string. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Word 4-shingles over normalised text (lower case, punctuation and digits-grouping folded), so a rewrite
 * that changes a headline and a few words ("killed at least 19" / "left at least 19 dead") still shares most
 * shingles with the original while two stories about different events share almost none.
 */
export function shingles(text: string, k = 4): Set<number> {
  const words = text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').match(/[a-z0-9]+/g) ?? [];
  const out = new Set<number>();
  for (let i = 0; i + k <= words.length; i++) out.add(fnv1a(words.slice(i, i + k).join(' ')));
  return out;
}

/** A MinHash signature of a shingle set. */
export function minhash(sh: Set<number>): Uint32Array {
  const sig = new Uint32Array(PERMS).fill(0xffffffff);
  for (const x of sh) {
    for (let i = 0; i < PERMS; i++) {
      const [a, b] = SEEDS[i]!;
      const v = (Math.imul(a, x) + b) >>> 0;
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity of two signatures. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let eq = 0;
  for (let i = 0; i < PERMS; i++) if (a[i] === b[i]) eq++;
  return eq / PERMS;
}

/** LSH band keys of a signature: documents sharing any key are candidate copies. */
export function bandKeys(sig: Uint32Array): string[] {
  const keys: string[] = [];
  for (let b = 0; b < BANDS; b++) keys.push(`${b}:${Array.from(sig.subarray(b * ROWS, (b + 1) * ROWS)).join(',')}`);
  return keys;
}

/** A document to group: its id, text and the agency credit if the text carries one ("(AFP)", "Source: Reuters"). */
export interface SyndicationDoc {
  readonly id: string;
  readonly text: string;
  readonly credit?: string | null;
  /** The outlet that published it: an agency's own wire copy is the original its clients credit. */
  readonly outlet?: string | null;
}

/** Share of the smaller set found in the larger one: a trimmed copy keeps most of its shingles in the original. */
export function containment(a: Set<number>, b: Set<number>): number {
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  let inter = 0;
  for (const x of small) if (big.has(x)) inter++;
  return inter / (small.size || 1);
}

/** How many earlier documents of one agency a credited copy is compared with directly (keeps cost linear). */
export const AGENCY_WINDOW = 200;

/**
 * Incremental grouping of copies and light rewrites. `add` returns the story group of a document: the id of
 * the first document of its group. Cost stays near-linear: each document is compared only with LSH candidates.
 */
export class SyndicationIndex {
  private readonly sigs = new Map<string, Uint32Array>();
  private readonly bands = new Map<string, string[]>();
  private readonly parent = new Map<string, string>();

  private readonly credited = new Set<string>();
  private readonly byAgency = new Map<string, { id: string; sh: Set<number> }[]>();

  /**
   * `threshold` is the MinHash similarity for uncredited copies; `creditContainment` is the share of a
   * credited copy's shingles that must appear in an earlier story of the same agency. A client that trims
   * and rewords an agency story ("GOMA (Reuters) - More than 30,000 people have fled Sake …") keeps a third
   * or more of its 4-word shingles, while two different stories of one agency about the same incident (the
   * day-1 and day-2 copy) share under a tenth; the credit line says where to look. `agencyName` maps a credit ("AFP") to the
   * agency's outlet name ("Agence France-Presse").
   */
  constructor(
    private readonly threshold = 0.5,
    private readonly creditContainment = 0.3,
    private readonly agencyName: (credit: string) => string = (c) => c,
  ) {}

  /** The group root of a document id. */
  group(id: string): string {
    let r = id;
    while (this.parent.get(r) && this.parent.get(r) !== r) r = this.parent.get(r)!;
    return r;
  }

  /** Add a document and return its group id. */
  add(doc: SyndicationDoc): string {
    if (this.sigs.has(doc.id)) return this.group(doc.id);
    const sh = shingles(doc.text);
    const sig = minhash(sh);
    this.sigs.set(doc.id, sig);
    this.parent.set(doc.id, doc.id);
    const keys = bandKeys(sig);
    const seen = new Set<string>();
    let best: string | null = null;
    let bestSim = 0;
    for (const k of keys) {
      for (const other of this.bands.get(k) ?? []) {
        if (seen.has(other)) continue;
        seen.add(other);
        const s = similarity(sig, this.sigs.get(other)!);
        if (s >= this.threshold && s > bestSim) {
          best = other;
          bestSim = s;
        }
      }
    }
    for (const k of keys) {
      const list = this.bands.get(k);
      if (list) list.push(doc.id);
      else this.bands.set(k, [doc.id]);
    }
    // The agency this text belongs to: its credit, or the outlet itself when it is the agency's own wire.
    const agency = doc.credit ? this.agencyName(doc.credit) : doc.outlet ? this.agencyName(doc.outlet) : null;
    if (!best && agency) {
      for (const other of this.byAgency.get(agency) ?? []) {
        if (!doc.credit && !this.credited.has(other.id)) continue;
        const c = containment(sh, other.sh);
        if (c >= this.creditContainment && c > bestSim) {
          best = other.id;
          bestSim = c;
        }
      }
    }
    if (agency) {
      const list = this.byAgency.get(agency) ?? [];
      list.push({ id: doc.id, sh });
      if (list.length > AGENCY_WINDOW) list.shift();
      this.byAgency.set(agency, list);
      if (doc.credit) this.credited.add(doc.id);
    }
    if (best) this.parent.set(doc.id, this.group(best));
    return this.group(doc.id);
  }
}
