import { type AuthUser, hashPassword, verifyPassword } from '@quorum/auth';
import { type Database, organizations, users } from '@quorum/db';
import { eq, sql } from 'drizzle-orm';
import { ApiError } from '../errors/index.ts';
import { isUniqueViolation } from './unique-violation.ts';

/** What signup receives (already validated). */
export interface SignupInput {
  email: string;
  password: string;
  name: string;
  /** Creates this organization with the new account as its manager. */
  organization?: string;
}

/** The account as `/api/me` shows it. */
export interface AccountView {
  user: { id: string; email: string; name: string };
  organization: { id: string; name: string } | null;
  orgRole: 'member' | 'manager' | null;
}

/** Creates an account (and its organization when one is named); 409 when the email is taken. */
export async function signUp(db: Database, input: SignupInput): Promise<string> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const [taken] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${input.email}`);
      if (taken) throw emailTaken();
      let organizationId: string | null = null;
      if (input.organization) {
        const [org] = await tx
          .insert(organizations)
          .values({ name: input.organization })
          .returning({ id: organizations.id });
        organizationId = org!.id;
      }
      const [user] = await tx
        .insert(users)
        .values({
          email: input.email,
          name: input.name,
          passwordHash,
          organizationId,
          orgRole: organizationId ? 'manager' : null,
        })
        .returning({ id: users.id });
      return user!.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}

let dummyHash: Promise<string> | undefined;

/** The user id for a correct email and password, or null. Takes as long for an unknown email. */
export async function checkCredentials(db: Database, email: string, password: string): Promise<string | null> {
  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`);
  if (!user) {
    dummyHash ??= hashPassword('quorum-timing-equaliser');
    await verifyPassword(await dummyHash, password);
    return null;
  }
  return (await verifyPassword(user.passwordHash, password)) ? user.id : null;
}

/** The account view of a user (with their organization). */
export async function accountView(db: Database, user: AuthUser): Promise<AccountView> {
  let organization: AccountView['organization'] = null;
  if (user.organizationId) {
    const [org] = await db
      .select({ id: organizations.id, name: organizations.name })
      .from(organizations)
      .where(eq(organizations.id, user.organizationId));
    organization = org ?? null;
  }
  return {
    user: { id: user.id, email: user.email, name: user.name },
    organization,
    orgRole: organization ? user.orgRole : null,
  };
}

function emailTaken(): ApiError {
  return new ApiError(409, 'email_taken', 'An account with this email address already exists. Log in instead.', {
    field: 'email',
  });
}
