import type { Stage } from '../core/index.ts';

/** Stage: actor mentions (type "actor", value = canonical name) from the actor dictionary (stub for now). */
export const actorStage: Stage = { name: 'actors', requires: ['sentences', 'removed'], assigns: ['mentions'], run: (doc) => doc };
