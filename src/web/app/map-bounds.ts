/** Where the map looks: the bounds of the filtered events. */

/**
 * The box the map fits to: the filtered points plus a degree of margin (one town alone still shows its
 * surroundings), kept inside the Web Mercator world; null when there is nothing to show.
 */
export function pointsBounds(points: readonly { lon: number; lat: number }[], margin = 1): [number, number, number, number] | null {
  if (!points.length) return null;
  let [w, s, e, n] = [180, 90, -180, -90];
  for (const p of points) [w, s, e, n] = [Math.min(w, p.lon), Math.min(s, p.lat), Math.max(e, p.lon), Math.max(n, p.lat)];
  return [Math.max(-180, w - margin), Math.max(-85, s - margin), Math.min(180, e + margin), Math.min(85, n + margin)];
}
