import type { Stage } from '../core/index.ts';

/** Stage: toponyms recognised and resolved against the gazetteer (stub for now). */
export const placeStage: Stage = { name: 'places', requires: ['sentences', 'removed'], assigns: ['places'], run: (doc) => doc };
