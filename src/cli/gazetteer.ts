import type { Command } from 'commander';
import { importGeonames } from '../resolve/gazetteer-import.ts';

/** Register `sitrep gazetteer import FILE`: add a GeoNames dump or alternate-names file to the local gazetteer. */
export function registerGazetteer(program: Command, _setExit: (code: number) => void): void {
  const g = program.command('gazetteer').description('Manage the offline gazetteer');
  g.command('import')
    .argument('<file>', 'GeoNames dump (SY.txt, allCountries.txt) or alternateNamesV2.txt')
    .description('Import GeoNames places or alternate names into the local gazetteer overlay')
    .action((file: string) => {
      const r = importGeonames(file);
      process.stdout.write(`${JSON.stringify(r)}\n`);
    });
}
