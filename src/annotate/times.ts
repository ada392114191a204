import type { Stage } from '../core/index.ts';

/** Stage: date expressions resolved against the publication date (owned by the events work; stub for now). */
export const timeStage: Stage = { name: 'times', requires: ['sentences', 'removed'], assigns: ['times'], run: (doc) => doc };
