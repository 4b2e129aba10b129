// Who is calling and in what request: the signed-in user (roles, agency, candidate groups) and the request's id,
// language and address, as the domain modules take them (the HTTP layer builds them, server/http/request-context.ts).
import type { Types } from 'mongoose';
import type { Role } from '../../processes/roles';
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
