// Who sees which dossiers: officers and leaders those visible to their agency (received, current, transferred
// to it); citizens those they submitted themselves; other roles none.
import type { QueryFilter } from 'mongoose';
import type { Dossier } from '../models/Dossier';
import type { AuthUser } from '../http/request-context';

export function dossierScope(user: AuthUser): QueryFilter<Dossier> | undefined {
  if ((user.roles.includes('officer') || user.roles.includes('leader')) && user.agency) {
    return { visibleToAgencies: user.agency.id };
  }
  if (user.roles.includes('citizen')) return { createdBy: user.id };
  return undefined;
}
