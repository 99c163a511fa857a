/**
 * WebSocket close codes the sync engine and the server use, by name.
 * 1000–1015 are RFC 6455's; the 44xx range mirrors HTTP 4xx, and the stock `WebsocketProvider`
 * treats it as permanent (it stops reconnecting), so the app must say why it stopped.
 */
export const CloseCode = {
  /** Normal closure. */
  normal: 1000,
  /** The server is going away (shutdown, SIGTERM); clients reconnect. */
  goingAway: 1001,
  /** A frame did not decode, or an update did not apply. */
  invalidData: 1007,
  /** A frame was larger than `maxMessageBytes`. */
  tooBig: 1009,
  /** An unexpected server error. */
  internalError: 1011,
  /**
   * Try again later: the database could not be read or written, storage is behind (`maxQueuedBytes`), or the client
   * did not read its output (`maxBufferedBytes`); clients reconnect and resync.
   */
  tryAgainLater: 1013,
  /** No valid session. */
  unauthorized: 4401,
  /** The session may not open this room. */
  forbidden: 4403,
  /** No such room. */
  notFound: 4404,
  /**
   * The update would make the document larger than the server stores (`maxDocumentBytes`); final: the client must not
   * resend it (the app explains why and keeps the edit on the device).
   */
  documentTooLarge: 4413,
} as const;

/** One of the named close codes. */
export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode];
