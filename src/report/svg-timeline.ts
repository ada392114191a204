import type { TimelineDay } from './types.ts';

/**
 * The timeline chart as inline SVG: one bar per day for the number of events (previous period in grey, this
 * period in colour) and the reported death floor written above each bar that has one. Counts, not claims: the
 * figures behind the deaths are cited in the text.
 */
export function svgTimeline(days: readonly TimelineDay[], width = 480, height = 140): string {
  const max = Math.max(1, ...days.map((d) => d.events));
  const pad = { l: 28, r: 6, t: 16, b: 28 };
  const bw = (width - pad.l - pad.r) / Math.max(1, days.length);
  const h = height - pad.t - pad.b;
  const every = Math.max(1, Math.ceil(days.length / 8));
  const bars = days.map((d, i) => {
    const bh = (d.events / max) * h;
    const x = pad.l + i * bw;
    const label = i % every === 0 ? `<text x="${(x + bw / 2).toFixed(1)}" y="${height - 10}" class="tick">${d.day.slice(5)}</text>` : '';
    const killed = d.killed_low ? `<text x="${(x + bw / 2).toFixed(1)}" y="${(pad.t + h - bh - 3).toFixed(1)}" class="val">†${d.killed_low}</text>` : '';
    return `<rect x="${(x + 1).toFixed(1)}" y="${(pad.t + h - bh).toFixed(1)}" width="${Math.max(1, bw - 2).toFixed(1)}" height="${bh.toFixed(1)}" class="${d.previous ? 'prev' : 'cur'}"><title>${d.day}: ${d.events} events</title></rect>${label}${killed}`;
  });
  return [
    `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Events per day, previous period and this period">`,
    `<line x1="${pad.l}" y1="${pad.t + h}" x2="${width - pad.r}" y2="${pad.t + h}" class="axis"/>`,
    `<text x="2" y="${pad.t + 8}" class="tick">${max}</text><text x="2" y="${pad.t + h}" class="tick">0</text>`,
    ...bars,
    '</svg>',
  ].join('');
}
