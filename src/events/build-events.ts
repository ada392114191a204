import type { Stage } from '../core/index.ts';

/** Stage: ACLED-style events from claims, places, times and actors (stub for now). */
export const eventStage: Stage = { name: 'events', requires: ['claims', 'places', 'times', 'mentions'], assigns: ['events'], run: (doc) => doc };
