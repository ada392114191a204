import type { GeoJSONSource, Map as MlMap, StyleSpecification } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { MapPoint } from './api.ts';
import { OTHER_COLOR, TYPE_COLORS } from './colors.ts';
import { bboxAround } from './filters.ts';
import { pointsBounds } from './map-bounds.ts';

/** True when the browser can give MapLibre a WebGL context (headless browsers and some VMs cannot). */
export function webglAvailable(): boolean {
  try {
    const c = document.createElement('canvas');
    return !!(c.getContext('webgl2') || c.getContext('webgl'));
  } catch {
    return false;
  }
}

/** Map points as GeoJSON features (what the clustered `events` source holds). */
export function pointsToGeojson(points: readonly MapPoint[]): GeoJSON.FeatureCollection<GeoJSON.Point> {
  return {
    type: 'FeatureCollection',
    features: points.map((p) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
      properties: { ...p, geo_precision: p.geo_precision ?? 3 },
    })),
  };
}

const typeMatch = ['match', ['get', 'event_type'], ...Object.entries(TYPE_COLORS).flat(), OTHER_COLOR] as unknown as string;

// The base map is only the bundled Natural Earth countries: no tiles, fonts or sprites are fetched from anywhere.
const style = (countries: string): StyleSpecification => ({
  version: 8,
  sources: {
    countries: { type: 'geojson', data: countries },
    events: { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, cluster: true, clusterRadius: 40, clusterMaxZoom: 9, clusterProperties: { fatalities: ['+', ['get', 'fatalities']], events: ['+', ['get', 'events']] } },
  },
  layers: [
    { id: 'sea', type: 'background', paint: { 'background-color': '#dbe7ef' } },
    { id: 'land', type: 'fill', source: 'countries', paint: { 'fill-color': '#f4f1ea' } },
    { id: 'borders', type: 'line', source: 'countries', paint: { 'line-color': '#a9a39a', 'line-width': 0.6 } },
    {
      id: 'clusters',
      type: 'circle',
      source: 'events',
      filter: ['has', 'point_count'],
      paint: { 'circle-color': '#555', 'circle-opacity': 0.55, 'circle-stroke-color': '#fff', 'circle-stroke-width': 1.5, 'circle-radius': ['interpolate', ['linear'], ['sqrt', ['get', 'events']], 1, 10, 30, 34] },
    },
    {
      id: 'points',
      type: 'circle',
      source: 'events',
      filter: ['!', ['has', 'point_count']],
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['sqrt', ['get', 'fatalities']], 0, 5, 10, 22, 40, 40],
        'circle-color': typeMatch,
        // Precision 1 (a named town) is a solid disc; 2-3 (near a town, a region) a hollow ring, so a
        // regional placement does not look like an exact one.
        'circle-opacity': ['case', ['==', ['get', 'geo_precision'], 1], 0.75, 0.08],
        'circle-stroke-color': typeMatch,
        'circle-stroke-width': ['case', ['==', ['get', 'geo_precision'], 1], 1, 3],
      },
    },
  ],
});

const summary = (p: Record<string, unknown>) =>
  p.point_count
    ? `${p.events} events, ${p.fatalities} fatalities (click to zoom in)`
    : `${p.location ?? 'unnamed place'}: ${p.event_type}, ${p.events} event${p.events === 1 ? '' : 's'}, ${p.fatalities} fatalities` +
      `${p.first_date ? `, ${p.first_date}${p.last_date && p.last_date !== p.first_date ? ` to ${p.last_date}` : ''}` : ''}` +
      ` (geo-precision ${p.geo_precision})`;

/** The event map: clustered circles by type and fatalities; degrades to a notice when WebGL is missing. */
export function MapView({ points, onOpenEvent, onBbox }: { points: { items: MapPoint[]; truncated: boolean }; onOpenEvent: (id: string) => void; onBbox: (bbox: string) => void }) {
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<MlMap | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'no-webgl'>('loading');
  const [hover, setHover] = useState<string | null>(null);
  const [fitted, setFitted] = useState('');
  const handlers = useRef({ onOpenEvent, onBbox });
  handlers.current = { onOpenEvent, onBbox };

  useEffect(() => {
    if (!webglAvailable()) {
      setState('no-webgl');
      return;
    }
    let m: MlMap | null = null;
    let cancelled = false;
    (async () => {
      const ml = await import('maplibre-gl');
      const workerUrl = (await import('maplibre-gl/dist/maplibre-gl-worker.mjs?url')).default;
      ml.setWorkerUrl(workerUrl);
      if (cancelled || !box.current) return;
      try {
        m = new ml.Map({ container: box.current, style: style(new URL('map/countries.geojson', location.origin).href), center: [30, 15], zoom: 2, attributionControl: { compact: true, customAttribution: 'Natural Earth' } });
      } catch {
        setState('no-webgl');
        return;
      }
      map.current = m;
      (window as unknown as { __sitrepMap?: MlMap }).__sitrepMap = m;
      m.on('error', (e) => {
        if (String(e.error?.message ?? '').toLowerCase().includes('webgl')) setState('no-webgl');
      });
      m.on('load', () => setState('ready'));
      // The container's width settles after layout (the side panel opening narrows it): keep the canvas in step.
      const ro = new ResizeObserver(() => m?.resize());
      ro.observe(box.current);
      m.once('remove', () => ro.disconnect());
      for (const layer of ['points', 'clusters']) {
        m.on('mousemove', layer, (e) => {
          m!.getCanvas().style.cursor = 'pointer';
          setHover(summary((e.features?.[0]?.properties ?? {}) as Record<string, unknown>));
        });
        m.on('mouseleave', layer, () => {
          m!.getCanvas().style.cursor = '';
          setHover(null);
        });
      }
      m.on('click', 'clusters', async (e) => {
        const f = e.features?.[0];
        if (!f) return;
        const src = m!.getSource('events') as GeoJSONSource;
        const zoom = await src.getClusterExpansionZoom(f.properties.cluster_id as number);
        m!.easeTo({ center: (f.geometry as GeoJSON.Point).coordinates as [number, number], zoom });
      });
      m.on('click', 'points', (e) => {
        const p = e.features?.[0]?.properties;
        if (!p) return;
        // One event opens directly; a group of events at one place becomes a small-area filter on the table.
        if (p.id) handlers.current.onOpenEvent(String(p.id));
        else handlers.current.onBbox(bboxAround(Number(p.lon), Number(p.lat)));
      });
    })();
    return () => {
      cancelled = true;
      m?.remove();
      map.current = null;
    };
  }, []);

  useEffect(() => {
    const m = map.current;
    if (!m || state !== 'ready') return;
    const data = pointsToGeojson(points.items);
    (m.getSource('events') as GeoJSONSource | undefined)?.setData(data);
    const b = pointsBounds(points.items);
    if (b) m.fitBounds(b, { maxZoom: 8, duration: 0, padding: 20 });
    setFitted(b ? b.join(',') : '');
  }, [points, state]);

  const total = points.items.reduce((a, p) => a + p.events, 0);
  return (
    <div class="map-wrap">
      <div class="map" ref={box} data-testid="map" data-state={state} data-points={points.items.length} data-events={total} data-fit={fitted} />
      {state === 'no-webgl' && (
        <p class="map-notice" data-testid="map-notice">
          The map needs WebGL, which this browser does not provide. The table, timeline and event details still work: {total} events at {points.items.length} places match the filters.
        </p>
      )}
      <p class="map-hover" aria-live="polite">{hover ?? (points.truncated ? 'Showing the heaviest places only; narrow the filters to see all.' : `${total} events at ${points.items.length} places`)}</p>
      <ul class="legend">
        {Object.entries(TYPE_COLORS).map(([t, c]) => (
          <li key={t}>
            <span class="swatch" style={{ background: c }} />
            {t}
          </li>
        ))}
        <li>
          <span class="swatch solid" /> exact place <span class="swatch hollow" /> near / regional
        </li>
      </ul>
    </div>
  );
}
