import { renderHtml } from './render-html.ts';
import { renderMarkdown } from './render-markdown.ts';
import type { SituationReport } from './types.ts';

/** The formats a report is written in. */
export const REPORT_FORMATS = ['md', 'html', 'json'] as const;
/** One of `md`, `html`, `json`. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Content types by format, for the API. */
export const REPORT_MIME: Record<ReportFormat, string> = { md: 'text/markdown; charset=utf-8', html: 'text/html; charset=utf-8', json: 'application/json; charset=utf-8' };

/** Write a drafted report in one format: Markdown stays plain, HTML carries the SVG map and chart, JSON is the same content structured. */
export function renderReport(r: SituationReport, format: ReportFormat): string {
  if (format === 'md') return renderMarkdown(r);
  if (format === 'html') return renderHtml(r);
  return `${JSON.stringify(r, null, 2)}\n`;
}
