// User administration: list, create, change (roles, agency, groups, password, disabled).
import type { Router } from 'express';
import {
  userRoutes,
  type CreateUserBody,
  type ListUsersQuery,
  type UpdateUserBody,
} from '../api-schemas/users';
import { recordAudit } from '../domain/audit-trail';
import { createUser, listUsers, updateUser } from '../domain/user-administration';
import type { AppDeps } from '../http/app-deps';
import { mountRoute } from '../http/route';

export function mountUserRoutes(router: Router, deps: AppDeps): void {
  mountRoute(router, userRoutes.list, async (_req, res) => {
    res.json(await listUsers(res.locals.query as ListUsersQuery));
  });

  mountRoute(router, userRoutes.create, async (req, res) => {
    const body = req.body as CreateUserBody;
    const created = await createUser(body);
    await recordAudit(res.locals.ctx, {
      action: 'user.create',
      target: { kind: 'user', id: created.id.toHexString(), key: created.view.username },
      details: { roles: body.roles, agencyCode: body.agencyCode, groups: body.groups ?? [] },
    });
    res.status(201).json(created.view);
  });

  mountRoute(router, userRoutes.update, async (req, res) => {
    const { username } = res.locals.params as { username: string };
    const body = req.body as UpdateUserBody;
    const changed = await updateUser(username, body);
    // A disabled account or a new password ends every session of the user at once.
    if (body.disabled === true || body.password !== undefined) await deps.sessions.endAllOf(changed.id);
    else deps.sessions.forgetUser(changed.id);
    const { password: _password, ...audited } = body;
    await recordAudit(res.locals.ctx, {
      action: 'user.update',
      target: { kind: 'user', id: changed.id.toHexString(), key: username },
      details: { ...audited, ...(body.password !== undefined ? { passwordChanged: true } : {}) },
    });
    res.json(changed.view);
  });
}
