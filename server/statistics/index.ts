// Statistics of the one-stop shop as the national index (Decision 766/QĐ-TTg) counts them. Pure functions over
// plain dossier records; see dossier-clock.ts for the counting rules.
export * from './count';
export * from './dossier-clock';
export * from './from-dossier';
export * from './periods';
export * from './types';
