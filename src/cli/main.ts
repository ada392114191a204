import { Command, CommanderError } from 'commander';
import { SitrepError } from '../core/index.ts';
import { registerExtract } from './extract.ts';
import { registerGazetteer } from './gazetteer.ts';
import { registerIngest } from './ingest.ts';
import { registerServe } from './serve.ts';
import { registerExport } from './export.ts';
import { registerFeeds } from './feeds.ts';
import { registerStatus } from './status.ts';
import { registerWorker } from './worker.ts';
import { registerReport } from './report.ts';
import { registerEvents } from './events.ts';

/** Run the CLI; returns the process exit code. Errors print as `CODE message`, never a stack trace. */
export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const setExit = (c: number) => {
    code = Math.max(code, c);
  };
  const program = new Command('sitrep').description('Conflict news → sourced, geocoded events').exitOverride();
  registerExtract(program, setExit);
  registerGazetteer(program, setExit);
  registerIngest(program, setExit);
  registerServe(program);
  registerExport(program);
  registerFeeds(program, setExit);
  registerWorker(program);
  registerStatus(program);
  registerReport(program);
  registerEvents(program);
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof SitrepError) {
      process.stderr.write(`${e.code} ${e.message}\n`);
      return 1;
    }
    process.stderr.write(`SITREP_INTERNAL ${(e as Error).message}\n`);
    return 1;
  }
  return code;
}
