import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countries, countryByIso2, countryByName } from './countries.ts';

test('countries carry ISO codes, demonyms and ACLED region', () => {
  const sy = countryByIso2('sy');
  assert.equal(sy?.name, 'Syria');
  assert.equal(sy?.iso3, 'SYR');
  assert.equal(sy?.numeric, '760');
  assert.equal(sy?.region, 'Middle East');
  assert.ok(sy?.demonyms.includes('Syrian'));
  assert.ok(countries().length >= 240);
});

test('countryByName reads names, aliases and demonyms', () => {
  assert.equal(countryByName('Syrian')?.iso2, 'SY');
  assert.equal(countryByName('Russian')?.iso2, 'RU');
  assert.equal(countryByName('Sudanese')?.iso2, 'SD');
  assert.equal(countryByName('Türkiye')?.iso2, 'TR');
  assert.equal(countryByName('Turkey')?.iso2, 'TR');
  assert.equal(countryByName('the DRC')?.iso2, 'CD');
  assert.equal(countryByName('Burkinabe')?.iso2, 'BF');
  assert.equal(countryByName('Syrian Arab Republic')?.iso2, 'SY');
  assert.equal(countryByName('Atlantis'), null);
});
