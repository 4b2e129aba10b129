// What a request carries past the middleware (res.locals): who is calling (if signed in), its id, and validated
// input. The caller's types live with auth (server/auth/caller.ts), where the domain modules take them from.
import type { RequestContext } from '../auth/caller';
import type { ResponseChecker } from './response-check';

export type { AuthUser, RequestContext } from '../auth/caller';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      ctx: RequestContext;
      requestId: string;
      /** Query and path parameters after schema validation and coercion. */
      query: Record<string, unknown>;
      params: Record<string, unknown>;
      /** Set when RESPONSE_CHECK is not off: every operation's JSON answers are checked against its schemas. */
      responseCheck?: ResponseChecker;
    }
  }
}
