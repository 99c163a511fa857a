import { generateToken, hashToken } from '@quorum/auth';

/** A new guide link token: 128 random bits (base64url, 22 characters) and the SHA-256 stored in its place. */
export interface LinkToken {
  token: string;
  hash: string;
}

/** Creates a random 128-bit link token (auth's token module) and its hash. Only the hash is ever stored. */
export function createLinkToken(): LinkToken {
  const token = generateToken(16);
  return { token, hash: hashLinkToken(token) };
}

/** The SHA-256 (hex) under which a link token is stored and looked up (auth's `hashToken`). */
export function hashLinkToken(token: string): string {
  return hashToken(token);
}

/** Whether `token` has the shape of a link token; anything else is rejected before touching the database. */
export function isLinkTokenShape(token: string): boolean {
  return /^[A-Za-z0-9_-]{22}$/.test(token);
}
