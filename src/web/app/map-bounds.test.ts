import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pointsBounds } from './map-bounds.ts';

test('the map fits the filtered events, not the world', () => {
  // Maarrat Misrin (36.67 E, 36.01 N) and Kafranbel (36.56 E, 35.53 N): a box around Idlib province.
  assert.deepEqual(pointsBounds([{ lon: 36.67, lat: 36.01 }, { lon: 36.56, lat: 35.53 }]), [35.56, 34.53, 37.67, 37.01]);
  assert.equal(pointsBounds([]), null);
});

test('the margin never leaves the Web Mercator world', () => {
  assert.deepEqual(pointsBounds([{ lon: 179.5, lat: 84.8 }, { lon: -179.6, lat: -84.9 }]), [-180, -85, 180, 85]);
});
