// Who sees which dossiers: officers and leaders those visible to their agency (received, current, transferred
// to it); citizens those they submitted themselves; other roles none.
import type { ProjectionType, QueryFilter } from 'mongoose';
import { forbidden, notFound } from '../errors/api-error';
import type { AuthUser } from '../auth/caller';
import { DossierModel, type Dossier } from '../models/Dossier';

export function dossierScope(user: AuthUser): QueryFilter<Dossier> | undefined {
  if ((user.roles.includes('officer') || user.roles.includes('leader')) && user.agency) {
    return { visibleToAgencies: user.agency.id };
  }
  if (user.roles.includes('citizen')) return { createdBy: user.id };
  return undefined;
}

/** The caller's scope; 403 for a role that sees no dossier at all. */
export function requireDossierScope(user: AuthUser): QueryFilter<Dossier> {
  const scope = dossierScope(user);
  if (!scope) throw forbidden();
  return scope;
}

/** The dossier with this code when the caller may see it. Outside the scope it does not exist: 404, no hint. */
export async function dossierInScope(
  user: AuthUser,
  code: string,
  projection?: ProjectionType<Dossier>,
): Promise<Dossier> {
  const dossier = await DossierModel.findOne(
    { ...requireDossierScope(user), code },
    projection,
  ).lean<Dossier>();
  if (!dossier) throw notFound('dossier');
  return dossier;
}
