import { sentenceStage } from './annotate/sentences.ts';
import { cleanStage } from './annotate/clean.ts';
import { timeStage } from './annotate/times.ts';
import { actorStage } from './annotate/actors.ts';
import { placeStage } from './resolve/places.ts';
import { claimStage } from './annotate/claims.ts';
import { denialStage } from './annotate/denials.ts';
import { eventStage } from './events/build-events.ts';
import { languageStage } from './ingest/language.ts';
import type { Pipeline } from './core/index.ts';
import { buildPipeline } from './core/index.ts';

let cached: Pipeline | null = null;

/**
 * The extraction pipeline, assembled and checked once: ingest → annotate → resolve → events.
 * Order matters: claims read actor mentions and times (for background), events read everything.
 */
export function defaultPipeline(): Pipeline {
  cached ??= buildPipeline([languageStage, sentenceStage, cleanStage, timeStage, actorStage, placeStage, claimStage, denialStage, eventStage]);
  return cached;
}
