import { useRef, useState } from 'preact/hooks';
import type { DayRow } from './api.ts';
import { typeColor } from './colors.ts';

const W = 1000;
const H = 190;
const PAD = { l: 44, r: 52, t: 12, b: 26 };
const DAY_MS = 86_400_000;

const toDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/** Every day from the first to the last row, with empty days filled in (a quiet day is a zero, not a gap). */
export function fillDays(rows: readonly DayRow[]): DayRow[] {
  if (!rows.length) return [];
  const by = new Map(rows.map((r) => [r.day, r]));
  const out: DayRow[] = [];
  const end = Date.parse(rows[rows.length - 1]!.day);
  for (let t = Date.parse(rows[0]!.day); t <= end && out.length < 3700; t += DAY_MS) {
    const d = toDay(t);
    out.push(by.get(d) ?? { day: d, events: 0, fatalities: 0, fatalities_low: 0, fatalities_best: 0, fatalities_high: 0, displaced: 0, by_type: {}, fatalities_by_type: {} });
  }
  return out;
}

/** Daily fatalities (bars stacked by event type, low-high band, best line) and displacement, with a brush for the date filter. */
export function Timeline({ days: rows, from, to, onRange }: { days: DayRow[]; from?: string; to?: string; onRange: (from?: string, to?: string) => void }) {
  const svg = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<{ a: number; b: number } | null>(null);
  const days = fillDays(rows);
  if (!days.length) return <div class="timeline empty" data-testid="timeline" data-days="0">No dated events match the filters.</div>;
  const n = days.length;
  const bw = (W - PAD.l - PAD.r) / n;
  const x = (i: number) => PAD.l + i * bw;
  const maxF = Math.max(1, ...days.map((d) => Math.max(d.fatalities_high, d.fatalities_best, d.fatalities)));
  const maxD = Math.max(1, ...days.map((d) => d.displaced));
  const y = (v: number) => H - PAD.b - (v / maxF) * (H - PAD.t - PAD.b);
  const yd = (v: number) => H - PAD.b - (v / maxD) * (H - PAD.t - PAD.b);
  const mid = (i: number) => x(i) + bw / 2;
  const band = `${days.map((d, i) => `${i ? 'L' : 'M'}${mid(i)},${y(d.fatalities_high)}`).join('')}${days
    .map((d, i) => [i, d] as const)
    .reverse()
    .map(([i, d]) => `L${mid(i)},${y(d.fatalities_low)}`)
    .join('')}Z`;
  const best = days.map((d, i) => `${i ? 'L' : 'M'}${mid(i)},${y(d.fatalities_best)}`).join('');
  const disp = days.map((d, i) => `${i ? 'L' : 'M'}${mid(i)},${yd(d.displaced)}`).join('');
  const anyDisplaced = days.some((d) => d.displaced > 0);

  const indexAt = (ev: PointerEvent) => {
    const m = svg.current!.getScreenCTM();
    if (!m) return 0;
    const p = new DOMPoint(ev.clientX, ev.clientY).matrixTransform(m.inverse());
    return Math.min(n - 1, Math.max(0, Math.floor((p.x - PAD.l) / bw)));
  };
  const down = (ev: PointerEvent) => {
    (ev.currentTarget as Element).setPointerCapture?.(ev.pointerId);
    const i = indexAt(ev);
    setDrag({ a: i, b: i });
  };
  const move = (ev: PointerEvent) => drag && setDrag({ ...drag, b: indexAt(ev) });
  const up = () => {
    if (!drag) return;
    const [a, b] = [Math.min(drag.a, drag.b), Math.max(drag.a, drag.b)];
    setDrag(null);
    onRange(days[a]!.day, days[b]!.day);
  };
  const sel = drag ? [Math.min(drag.a, drag.b), Math.max(drag.a, drag.b)] : null;
  const ticks = Array.from(new Set([0, Math.floor(n / 4), Math.floor(n / 2), Math.floor((3 * n) / 4), n - 1]));

  return (
    <div class="timeline" data-testid="timeline" data-days={rows.length} data-fatalities={rows.reduce((a, d) => a + d.fatalities, 0)}>
      <div class="timeline-head">
        <span>Daily fatalities (bars by event type; shaded: low–high; line: best){anyDisplaced ? '; dashed: displaced (right axis)' : ''}. Drag to set dates.</span>
        {(from || to) && (
          <button type="button" onClick={() => onRange(undefined, undefined)}>
            All dates
          </button>
        )}
      </div>
      <svg ref={svg} viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Timeline of fatalities and displacement" onPointerDown={down} onPointerMove={move} onPointerUp={up}>
        <line x1={PAD.l} x2={W - PAD.r} y1={H - PAD.b} y2={H - PAD.b} class="axis" />
        <text x={PAD.l - 6} y={y(maxF) + 4} class="tick" text-anchor="end">{maxF}</text>
        <text x={PAD.l - 6} y={H - PAD.b} class="tick" text-anchor="end">0</text>
        {anyDisplaced && <text x={W - PAD.r + 6} y={yd(maxD) + 4} class="tick">{maxD}</text>}
        {days.map((d, i) => {
          let acc = 0;
          const parts = Object.entries(d.fatalities_by_type ?? {}).filter(([, v]) => v > 0);
          return (
            <g key={d.day}>
              <title>{`${d.day}: ${d.events} events, ${d.fatalities} fatalities (low ${d.fatalities_low}, best ${d.fatalities_best}, high ${d.fatalities_high}), ${d.displaced} displaced`}</title>
              <rect x={x(i)} y={PAD.t} width={bw} height={H - PAD.t - PAD.b} fill="transparent" />
              {parts.map(([t, v]) => {
                const y0 = y(acc);
                acc += v;
                return <rect key={t} class="bar" x={x(i) + bw * 0.15} width={bw * 0.7} y={y(acc)} height={Math.max(0, y0 - y(acc))} fill={typeColor(t)} />;
              })}
              {d.events > 0 && !parts.length && <rect class="bar tick-bar" x={x(i) + bw * 0.3} width={bw * 0.4} y={H - PAD.b - 3} height={3} fill="#999" />}
            </g>
          );
        })}
        <path d={band} class="band" />
        <path d={best} class="best" />
        {anyDisplaced && <path d={disp} class="displaced" />}
        {ticks.map((i) => (
          <text key={i} x={mid(i)} y={H - 8} class="tick" text-anchor="middle">
            {days[i]!.day}
          </text>
        ))}
        {sel && <rect class="brush" x={x(sel[0]!)} y={PAD.t} width={(sel[1]! - sel[0]! + 1) * bw} height={H - PAD.t - PAD.b} />}
      </svg>
    </div>
  );
}
