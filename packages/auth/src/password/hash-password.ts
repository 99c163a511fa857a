import { hash, verify } from '@node-rs/argon2';

/** Options for argon2id hashing; the defaults follow OWASP's minimum (19 MiB, 2 passes, 1 lane). */
export interface PasswordHashOptions {
  /** Memory cost in KiB. */
  memoryCost?: number;
  /** Number of passes. */
  timeCost?: number;
  /** Degree of parallelism. */
  parallelism?: number;
}

/**
 * Hashes a password with argon2id (the `@node-rs/argon2` default algorithm) and a random salt.
 * The result is a PHC string (`$argon2id$v=19$m=…`) that carries its own parameters.
 */
export async function hashPassword(
  password: string,
  { memoryCost = 19_456, timeCost = 2, parallelism = 1 }: PasswordHashOptions = {},
): Promise<string> {
  return hash(password, { memoryCost, timeCost, parallelism, outputLen: 32 });
}

/** Checks a password against a PHC hash from {@link hashPassword}; false (never a throw) for a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (!passwordHash.startsWith('$argon2')) return false;
  return verify(passwordHash, password);
}
