import type { Stage } from '../core/index.ts';

/** Stage: language detection; a non-English article is flagged and later stages find nothing to read (stub). */
export const languageStage: Stage = { name: 'language', requires: [], assigns: [], run: (doc) => doc };
