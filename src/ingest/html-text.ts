import { parseHTML } from 'linkedom';

// Elements that start a new line of text: paragraphs, headings, list items, table rows, line breaks.
const BLOCK = new Set(
  'address article aside blockquote br dd div dl dt fieldset footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody thead tfoot tr ul'.split(' '),
);
// Never text: code, styles, embedded media. Figures hold captions and credits ("Smoke rises over the market.
// Photo: Wire"), which the page marks structurally, so they are left out rather than guessed at later.
const SKIP = new Set('script style noscript template iframe object embed svg canvas video audio figure figcaption picture button select input textarea'.split(' '));

/** Minimal DOM node shape used by the walker (linkedom and browser DOMs both satisfy it). */
export interface TextNodeLike {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly nodeValue: string | null;
  readonly childNodes: ArrayLike<TextNodeLike>;
}

/** Visible text of a DOM subtree with one line per block element (paragraphs joined with "\n"). */
export function nodeToText(root: TextNodeLike): string {
  const parts: string[] = [];
  const walk = (n: TextNodeLike) => {
    if (n.nodeType === 3) {
      parts.push(n.nodeValue ?? '');
      return;
    }
    if (n.nodeType !== 1 && n.nodeType !== 9 && n.nodeType !== 11) return;
    const name = n.nodeName.toLowerCase();
    if (SKIP.has(name)) return;
    const block = BLOCK.has(name);
    if (block) parts.push('\n');
    for (let i = 0; i < n.childNodes.length; i++) walk(n.childNodes[i]!);
    if (block) parts.push('\n');
  };
  walk(root);
  return parts
    .join('')
    .split('\n')
    .map((l) => l.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** Text of an HTML fragment (a feed item body, a readability result); scripts are never run, only skipped. */
export function htmlToText(html: string): string {
  // linkedom builds a DOM without executing anything; a wrapper element makes fragments parse as a body.
  const { document } = parseHTML(`<!doctype html><html><body><div>${html}</div></body></html>`);
  return nodeToText(document.body as unknown as TextNodeLike);
}

/** True when a string contains markup worth parsing ("<p>", "&amp;") rather than plain text. */
export function looksLikeHtml(s: string): boolean {
  return /<\/?[a-z][\w-]*[\s>/]|&(?:#\d+|#x[\da-f]+|[a-z]+);/i.test(s);
}
