import { createHash, randomBytes } from 'node:crypto';

/** A new random secret for a cookie or a link: 160 bits, base64url (27 characters). */
export function generateToken(bytes = 20): string {
  return randomBytes(bytes).toString('base64url');
}

/** SHA-256 of a token as lowercase hex: what the database stores in place of the token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
