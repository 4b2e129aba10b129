// What a request carries past the middleware: who is calling (if signed in), its id, and validated input.
import type { Types } from 'mongoose';
import type { Role } from '../models/User';
import type { Lang } from '../errors/messages';

export interface AuthUser {
  id: Types.ObjectId;
  username: string;
  displayName: string;
  roles: Role[];
  agency?: { id: Types.ObjectId; code: string; name: string };
  groups: string[];
}

export interface RequestContext {
  requestId: string;
  lang: Lang;
  ip?: string;
  userAgent?: string;
  auth?: { user: AuthUser; sessionId: string; csrfToken: string };
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      ctx: RequestContext;
      requestId: string;
      /** Query and path parameters after schema validation and coercion. */
      query: Record<string, unknown>;
      params: Record<string, unknown>;
    }
  }
}
