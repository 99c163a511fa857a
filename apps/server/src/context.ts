import type { HttpBindings } from '@hono/node-server';
import type { AuthUser } from '@quorum/auth';

/** Hono's environment for the Quorum app: Node bindings, and the session's user once loaded. */
export interface AppEnv {
  Bindings: HttpBindings;
  Variables: {
    /** The logged-in user, or null. */
    user: AuthUser | null;
    /** The session token from the cookie when it was valid (for logout). */
    sessionToken: string | null;
  };
}
