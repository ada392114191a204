import type { Doc, LayerName } from './document.ts';
import { withDiagnostics } from './document.ts';
import { SitrepError } from './errors.ts';

/** Shared, read-only context for one run (resources such as the gazetteer are loaded once). */
export interface StageContext {
  /** Publication date override and similar run options. */
  readonly options: Readonly<Record<string, unknown>>;
  /** Lazily loaded shared resources keyed by name. */
  readonly resources: Map<string, unknown>;
}

/** A pipeline stage: a small function that reads some layers and assigns others. */
export interface Stage {
  readonly name: string;
  readonly requires: readonly LayerName[];
  readonly assigns: readonly LayerName[];
  run(doc: Doc, ctx: StageContext): Doc;
}

/** A checked, frozen sequence of stages. */
export interface Pipeline {
  readonly stages: readonly Stage[];
  run(doc: Doc, ctx: StageContext): Doc;
}

/**
 * Assemble stages once and check that every layer a stage requires is assigned by an earlier stage
 * (documents start with `diagnostics` only). Throws SITREP_PIPELINE_ORDER at start-up, not mid-batch.
 */
export function buildPipeline(stages: readonly Stage[]): Pipeline {
  const assigned = new Set<LayerName>(['diagnostics']);
  for (const st of stages) {
    for (const need of st.requires) {
      if (!assigned.has(need)) throw new SitrepError('SITREP_PIPELINE_ORDER', `${st.name} requires ${need}, which no earlier stage assigns`);
    }
    for (const a of st.assigns) assigned.add(a);
  }
  const frozen = Object.freeze([...stages]);
  return {
    stages: frozen,
    run(doc, ctx) {
      let d = doc;
      for (const st of frozen) {
        try {
          d = st.run(d, ctx);
        } catch (err) {
          // One failing stage marks the article; it never stops the batch.
          const message = err instanceof Error ? err.message : String(err);
          return withDiagnostics(d, { code: 'SITREP_PIPELINE_STAGE_FAILED', severity: 'error', message: `${st.name}: ${message}`, stage: st.name });
        }
      }
      return d;
    },
  };
}

/** A fresh context. */
export function createContext(options: Record<string, unknown> = {}): StageContext {
  return { options, resources: new Map() };
}
