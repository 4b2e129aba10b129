// Cookie sessions: a random token in an httpOnly, SameSite=Strict, signed cookie; the store keeps only an HMAC
// of it (keyed by the session secret), the user and the session's CSRF token, so sessions survive restarts.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { SessionModel } from '../models/Session';
import { UserModel } from '../models/User';
import { authUserOf } from './accounts';
import type { AuthUser } from './caller';

export const sessionCookie = 'motcua_session';

export interface SessionKeeper {
  start(res: Response, req: Request, userId: AuthUser['id']): Promise<{ csrfToken: string }>;
  /** The session and its user, or undefined when absent, expired, or the user is gone or disabled. */
  resume(req: Request): Promise<{ user: AuthUser; sessionId: string; csrfToken: string } | undefined>;
  end(res: Response, sessionId: string): Promise<void>;
  endAllOf(userId: AuthUser['id']): Promise<void>;
  /** Drops what this process remembers of the user's sessions, after their roles, groups or agency changed. */
  forgetUser(userId: AuthUser['id']): void;
}

type Resumed = { user: AuthUser; sessionId: string; csrfToken: string };

/**
 * How long a process reuses a resumed session before reading session, user and agency again (three store
 * round trips per request otherwise). Changes made through this process apply at once (end, endAllOf,
 * forgetUser); another API process sees them within this time.
 */
const RESUME_CACHE_MS = 5_000;
const RESUME_CACHE_MAX = 10_000;

export function tokensEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function createSessionKeeper(secret: string, ttlHours: number): SessionKeeper {
  const idOf = (token: string) => createHmac('sha256', secret).update(token).digest('base64url');
  const ttlMs = ttlHours * 3600_000;
  const recent = new Map<string, { resumed: Resumed; until: number; expiresAt: number }>();
  const remember = (resumed: Resumed, expiresAt: number) => {
    if (recent.size >= RESUME_CACHE_MAX) recent.delete(recent.keys().next().value!);
    recent.set(resumed.sessionId, { resumed, until: Date.now() + RESUME_CACHE_MS, expiresAt });
  };
  const forgetUser = (userId: AuthUser['id']) => {
    for (const [id, entry] of recent) if (entry.resumed.user.id.equals(userId)) recent.delete(id);
  };

  return {
    async start(res, req, userId) {
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      const now = new Date();
      await SessionModel.create({
        _id: idOf(token),
        user: userId,
        csrfToken,
        createdAt: now,
        expiresAt: new Date(now.getTime() + ttlMs),
        ...(req.ip ? { ip: req.ip } : {}),
        ...(req.get('user-agent') ? { userAgent: req.get('user-agent')!.slice(0, 300) } : {}),
      });
      res.cookie(sessionCookie, token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: req.secure,
        signed: true,
        path: '/',
        maxAge: ttlMs,
      });
      return { csrfToken };
    },

    async resume(req) {
      const token = (req.signedCookies as Record<string, unknown> | undefined)?.[sessionCookie];
      if (typeof token !== 'string' || token.length === 0) return undefined;
      const cached = recent.get(idOf(token));
      const now = Date.now();
      if (cached && cached.until > now && cached.expiresAt > now) return cached.resumed;
      const session = await SessionModel.findById(idOf(token)).lean();
      if (!session || session.expiresAt.getTime() <= Date.now()) return undefined;
      const user = await UserModel.findById(session.user, { passwordHash: 0 }).lean();
      if (!user || user.disabled) return undefined;
      const resumed: Resumed = {
        sessionId: session._id,
        csrfToken: session.csrfToken,
        user: await authUserOf(user),
      };
      remember(resumed, session.expiresAt.getTime());
      return resumed;
    },

    async end(res, sessionId) {
      recent.delete(sessionId);
      await SessionModel.deleteOne({ _id: sessionId });
      res.clearCookie(sessionCookie, { path: '/' });
    },

    async endAllOf(userId) {
      forgetUser(userId);
      await SessionModel.deleteMany({ user: userId });
    },

    forgetUser,
  };
}
