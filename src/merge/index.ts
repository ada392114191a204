export * from './types.ts';
export * from './syndication.ts';
export * from './cluster.ts';
export * from './figures.ts';
export * from './merge-reports.ts';
export * from './from-doc.ts';
