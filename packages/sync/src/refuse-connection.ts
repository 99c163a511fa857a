/**
 * Thrown by `hooks.onConnect` to refuse a connection: the socket is closed with `code` and `reason`
 * before any document byte is sent.
 */
export class RefuseConnection extends Error {
  override name = 'RefuseConnection';

  constructor(
    readonly code: number,
    readonly reason = '',
  ) {
    super(`connection refused (${code}${reason ? `: ${reason}` : ''})`);
  }
}
