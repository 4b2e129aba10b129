// Sign-in, sign-out, current session.
import type { Router } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import { authRoutes, type LoginBody, type SessionAnswer, type SessionUserAnswer } from '../api-schemas/auth';
import { ApiError } from '../errors/api-error';
import { recordAudit } from '../domain/audit-trail';
import { createLoginThrottle } from '../auth/login-throttle';
import { passwordMatches } from '../auth/password';
import { authUserOf, findAccount } from '../auth/accounts';
import type { AppDeps } from '../http/app-deps';
import type { AuthUser } from '../http/request-context';
import { mountRoute } from '../http/route';

export const sessionUserView = (user: AuthUser): SessionUserAnswer => ({
  username: user.username,
  displayName: user.displayName,
  roles: user.roles,
  groups: user.groups,
  agency: user.agency ? { code: user.agency.code, name: user.agency.name } : null,
});

export function mountAuthRoutes(router: Router, deps: AppDeps): void {
  const throttle = createLoginThrottle(deps.config.loginThrottle);

  mountRoute(router, authRoutes.login, async (req, res) => {
    const { username, password } = req.body as LoginBody;
    const ctx = res.locals.ctx;
    const admission = await throttle.admit(username, ipKeyGenerator(req.ip ?? ''));
    if (!admission.admitted) {
      // Refused before the password is read, even a correct one: otherwise the delay would not slow guessing.
      res.setHeader('Retry-After', String(admission.retryAfterSeconds));
      throw new ApiError(429, 'too_many_requests', { retryAfterSeconds: admission.retryAfterSeconds });
    }
    let user, passwordRight;
    try {
      user = await findAccount(username);
      passwordRight = await passwordMatches(password, user?.passwordHash);
    } catch (error) {
      await admission.settle('undecided');
      throw error;
    }
    await admission.settle(passwordRight ? 'success' : 'failure');
    if (!passwordRight) {
      await recordAudit(ctx, {
        action: 'auth.login',
        outcome: 'failure',
        actor: { kind: 'anonymous', username: username.toLowerCase().slice(0, 40) },
        target: { kind: 'user', key: username.toLowerCase().slice(0, 40) },
      });
      throw new ApiError(401, 'login_failed');
    }
    if (user!.disabled) throw new ApiError(403, 'user_disabled');
    const authUser = await authUserOf(user!);
    const { csrfToken } = await deps.sessions.start(res, req, user!._id);
    await recordAudit(ctx, {
      action: 'auth.login',
      actor: { kind: 'user', userId: user!._id, username: user!.username },
      target: { kind: 'user', id: user!._id.toHexString(), key: user!.username },
    });
    res.json({ user: sessionUserView(authUser), csrfToken } satisfies SessionAnswer);
  });

  mountRoute(router, authRoutes.logout, async (_req, res) => {
    const auth = res.locals.ctx.auth!;
    await deps.sessions.end(res, auth.sessionId);
    await recordAudit(res.locals.ctx, {
      action: 'auth.logout',
      target: { kind: 'user', id: auth.user.id.toHexString(), key: auth.user.username },
    });
    res.status(204).end();
  });

  mountRoute(router, authRoutes.session, (_req, res) => {
    const auth = res.locals.ctx.auth!;
    res.json({ user: sessionUserView(auth.user), csrfToken: auth.csrfToken } satisfies SessionAnswer);
  });
}
