import type { Stage } from '../core/index.ts';

/** Stage: quantities, attribution and casualty/displacement claims (stub for now). */
export const claimStage: Stage = { name: 'claims', requires: ['sentences', 'removed', 'times', 'mentions'], assigns: ['claims', 'mentions'], run: (doc) => doc };
