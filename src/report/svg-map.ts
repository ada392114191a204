import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { ReportEvent } from './types.ts';

type Shape = { id: string; name: string; rings: number[][][] };
let shapes: Shape[] | null = null;

/** Country outlines from world-atlas (Natural Earth 1:50m), read once from the installed package: no network. */
function countryShapes(): Shape[] {
  if (shapes) return shapes;
  const file = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json');
  const topo = JSON.parse(readFileSync(file, 'utf8')) as Topology;
  const fc = feature(topo, topo.objects.countries as never) as unknown as { features: Feature<Polygon | MultiPolygon, { name: string }>[] };
  shapes = fc.features.map((f) => ({
    id: String(f.id),
    name: f.properties?.name ?? '',
    rings: f.geometry ? (f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat()) : [],
  }));
  return shapes;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A small static map as inline SVG: the country outline (ISO numeric id, as world-atlas keys it), its
 * neighbours in grey for orientation, and one dot per located event sized by its reported death floor.
 * Equirectangular with the longitude scaled by cos(mid-latitude), which is close enough at country scale.
 */
export function svgMap(numeric: string, events: readonly ReportEvent[], width = 480): string | null {
  const all = countryShapes();
  const target = all.find((s) => s.id === numeric);
  if (!target || !target.rings.length) return null;
  const pts = target.rings.flat();
  let [minLon, maxLon, minLat, maxLat] = [Math.min(...pts.map((p) => p[0]!)), Math.max(...pts.map((p) => p[0]!)), Math.min(...pts.map((p) => p[1]!)), Math.max(...pts.map((p) => p[1]!))];
  const padLon = (maxLon - minLon) * 0.08;
  const padLat = (maxLat - minLat) * 0.08;
  [minLon, maxLon, minLat, maxLat] = [minLon - padLon, maxLon + padLon, minLat - padLat, maxLat + padLat];
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const scale = width / ((maxLon - minLon) * k);
  const height = Math.round((maxLat - minLat) * scale);
  const x = (lon: number) => ((lon - minLon) * k * scale).toFixed(1);
  const y = (lat: number) => ((maxLat - lat) * scale).toFixed(1);
  const path = (rings: number[][][]) => rings.map((r) => `M${r.map((p) => `${x(p[0]!)},${y(p[1]!)}`).join('L')}Z`).join('');
  const inBox = (p: number[]) => p[0]! >= minLon && p[0]! <= maxLon && p[1]! >= minLat && p[1]! <= maxLat;
  // Only the rings of neighbours that reach into the frame, so a map of Ukraine does not carry all of Russia.
  const near = all.filter((s) => s !== target).map((s) => s.rings.filter((r) => r.some(inBox))).filter((rings) => rings.length);
  const dots = events
    .filter((e) => e.latitude !== null && e.longitude !== null)
    .map((e) => {
      const r = (3 + Math.sqrt(e.killed.low ?? e.killed.best ?? e.killed.high ?? 0) * 1.5).toFixed(1);
      return `<circle cx="${x(e.longitude!)}" cy="${y(e.latitude!)}" r="${r}" class="dot"><title>${esc(`${e.date ?? ''} ${e.sub_event_type}, ${e.location ?? e.admin1 ?? ''}`)}</title></circle>`;
    });
  return [
    `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(`Map of ${target.name} with ${dots.length} located events`)}">`,
    `<rect width="${width}" height="${height}" class="sea"/>`,
    ...near.map((rings) => `<path d="${path(rings)}" class="other"/>`),
    `<path d="${path(target.rings)}" class="country"/>`,
    ...dots,
    '</svg>',
  ].join('');
}
