// The app's sections and who sees them. The officer workspace (inbox, intake, dossiers, reports) adds its
// entries here with the roles that use them; the shell, guards and home page pick them up.
import type { Role } from '../api/types';

export interface Section {
  path: string;
  labelKey: string;
  roles: Role[];
}

export const sections: Section[] = [
  { path: '/procedures', labelKey: 'nav.procedures', roles: ['designer', 'admin'] },
  // Officer workspace (designer/src/screens): labels under `ws.nav`.
  { path: '/intake', labelKey: 'ws.nav.intake', roles: ['officer'] },
  { path: '/inbox', labelKey: 'ws.nav.inbox', roles: ['officer', 'leader'] },
  { path: '/dossiers', labelKey: 'ws.nav.dossiers', roles: ['officer', 'leader'] },
  { path: '/reports', labelKey: 'ws.nav.reports', roles: ['leader', 'admin'] },
];

export const sectionsFor = (roles: Role[]) => sections.filter((s) => s.roles.some((r) => roles.includes(r)));

/** Where a user lands after signing in: their first section, or the welcome page when none is theirs yet. */
export function homeFor(roles: Role[]): string {
  return sectionsFor(roles)[0]?.path ?? '/';
}
