/**
 * An email address with its local part hidden but its first character (`anyone@x.com` → `a***@x.com`):
 * enough for the invited person to recognise the address, not enough to read it off a forwarded link.
 */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${address.slice(0, 1)}***${address.slice(at)}`;
}
