import type { Footnote, Line, SituationReport } from './types.ts';

/** A footnote as one line: outlet, cited source, date, title, URL and the words it points to. */
export function footnoteText(f: Footnote): string {
  const parts = [f.outlet ?? 'Unknown outlet'];
  if (f.source && f.source !== f.outlet) parts.push(`citing ${f.source}`);
  parts.push(f.published ?? 'undated');
  if (f.title) parts.push(`"${f.title}"`);
  if (f.url) parts.push(f.url);
  return `${parts.join(', ')}${f.quote ? ` — quoted: “${f.quote.replace(/\s+/g, ' ')}”` : ''}`;
}

// Place names keep their GeoNames spelling ("Ma`arratmisrin"): a backtick, asterisk or underscore must not turn into code or emphasis.
// URLs stay as written so they remain links.
const md = (s: string) => s.split(/(https?:\/\/\S+)/).map((part, i) => (i % 2 ? part : part.replace(/([`*_])/g, '\\$1'))).join('');
const bullets = (lines: readonly Line[], none: string) => (lines.length ? lines.map((l) => `- ${md(l.text)}`) : [none]);

/** The report as plain Markdown: sections in a fixed order, footnote markers inline, sources at the end. */
export function renderMarkdown(r: SituationReport): string {
  const out: string[] = [`# ${r.title}`, '', `_${r.generated_from}_`, '', '## Summary', '', ...r.headline.map((l) => md(l.text)), ''];
  out.push('## Key figures', '', ...bullets(r.key_figures, 'No source reported casualty, displacement or detention figures for this period.'), '');
  out.push('## Main events', '');
  if (!r.events.length) out.push('No events were recorded for this period.');
  r.events.forEach((e, i) => {
    out.push(`${i + 1}. ${md(e.text)}`);
    if (e.notes_text) out.push(`   Notes: ${md(e.notes_text)}`);
  });
  out.push('', '## Changes of territorial control', '', ...bullets(r.territory, 'No change of territorial control was reported in this period.'), '');
  out.push('## Disputed figures', '', ...bullets(r.contradictions, 'No disagreement between sources was found for this period.'), '');
  out.push('## Comparison with the previous period', '', ...bullets(r.comparison.lines, ''), '');
  out.push('## Coverage', '', ...bullets(r.coverage.lines, ''), '');
  out.push('## Sources', '');
  if (!r.footnotes.length) out.push('No sources are cited.');
  for (const f of r.footnotes) out.push(`[${f.n}] ${md(footnoteText(f))}  `);
  return `${out.join('\n').replace(/ {2}$/, '')}\n`;
}
