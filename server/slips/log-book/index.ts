// Mẫu 07 — Sổ theo dõi hồ sơ: built on demand from the counter's dossiers of a period (./from-dossier.ts), never
// stored. The slip's entry in server/slips/registry.ts.
import type { SlipDefinition } from '../definition';
import type { LogBookData } from './data';

export const LOG_BOOK_TITLE = 'SỔ THEO DÕI HỒ SƠ';

export const logBook = {
  kind: 'log-book',
  form: '07',
  title: LOG_BOOK_TITLE,
  render: (data) => import('./renderer').then((renderer) => renderer.renderLogBook(data)),
} as const satisfies SlipDefinition<LogBookData>;
