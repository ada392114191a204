import { footnoteText } from './render-markdown.ts';
import { svgMap } from './svg-map.ts';
import { svgTimeline } from './svg-timeline.ts';
import type { Line, SituationReport } from './types.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Escape a line and turn its "[n]" markers into links to the footnotes. */
function inline(text: string): string {
  return esc(text).replace(/\[(\d+)\]/g, '<sup><a href="#fn-$1">[$1]</a></sup>');
}

const ul = (lines: readonly Line[], none: string) => (lines.length ? `<ul>${lines.map((l) => `<li>${inline(l.text)}</li>`).join('')}</ul>` : `<p class="none">${esc(none)}</p>`);

// Inline CSS only: the file must print and travel by e-mail without fetching anything.
const CSS = `body{font:15px/1.45 Georgia,serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1d1d1d}
h1{font-size:1.5rem}h2{font-size:1.1rem;border-bottom:1px solid #ccc;margin-top:1.6rem}
.meta,.none,figcaption{color:#555;font-size:.9rem}sup a{text-decoration:none}
.figs{display:flex;flex-wrap:wrap;gap:1rem}figure{margin:0}
.sea{fill:#eef3f7}.other{fill:#e2e2e2;stroke:#fff;stroke-width:.6}.country{fill:#f7f2e6;stroke:#666;stroke-width:1}
.dot{fill:#b3261e;fill-opacity:.75;stroke:#fff;stroke-width:.8}.cur{fill:#b3261e}.prev{fill:#aaa}.axis{stroke:#888}
.tick,.val{font:10px sans-serif;fill:#555;text-anchor:middle}.tick{text-anchor:start}
ol.fn{font-size:.85rem;padding-left:1.6rem}ol.fn li{word-break:break-word}
@media print{body{margin:0;max-width:none}a{color:inherit}}`;

/**
 * The report as one self-contained HTML file: inline CSS, the map and the timeline as inline SVG drawn on the
 * server, no script, no external image, font or stylesheet. Links in the footnotes point to the cited articles.
 */
export function renderHtml(r: SituationReport): string {
  const map = svgMap(r.query.numeric, r.events);
  const body = [
    `<h1>${esc(r.title)}</h1>`,
    `<p class="meta">${esc(r.generated_from)}</p>`,
    '<h2>Summary</h2>',
    ...r.headline.map((l) => `<p>${inline(l.text)}</p>`),
    '<div class="figs">',
    map ? `<figure>${map}<figcaption>Located events in the period; dot size grows with the reported death floor.</figcaption></figure>` : '',
    `<figure>${svgTimeline(r.timeline)}<figcaption>Events per day: previous period in grey, this period in red; † the reported death floor (sources in the text).</figcaption></figure>`,
    '</div>',
    '<h2>Key figures</h2>',
    ul(r.key_figures, 'No source reported casualty, displacement or detention figures for this period.'),
    '<h2>Main events</h2>',
    r.events.length
      ? `<ol>${r.events.map((e) => `<li>${inline(e.text)}${e.notes_text ? `<br><span class="meta">Notes: ${inline(e.notes_text)}</span>` : ''}</li>`).join('')}</ol>`
      : '<p class="none">No events were recorded for this period.</p>',
    '<h2>Changes of territorial control</h2>',
    ul(r.territory, 'No change of territorial control was reported in this period.'),
    '<h2>Disputed figures</h2>',
    ul(r.contradictions, 'No disagreement between sources was found for this period.'),
    '<h2>Comparison with the previous period</h2>',
    ul(r.comparison.lines, ''),
    '<h2>Coverage</h2>',
    ul(r.coverage.lines, ''),
    '<h2>Sources</h2>',
    r.footnotes.length ? `<ol class="fn">${r.footnotes.map((f) => `<li id="fn-${f.n}" value="${f.n}">${linkify(footnoteText(f), f.url)}</li>`).join('')}</ol>` : '<p class="none">No sources are cited.</p>',
  ];
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${esc(r.title)}</title><style>${CSS}</style></head><body>${body.join('\n')}</body></html>\n`;
}

/** Escape a footnote and make its URL a link (a citation, never a resource the page loads). */
function linkify(text: string, url: string | null): string {
  const t = esc(text);
  if (!url || !/^https?:\/\//.test(url)) return t;
  const u = esc(url);
  return t.replace(u, `<a href="${u}">${u}</a>`);
}
