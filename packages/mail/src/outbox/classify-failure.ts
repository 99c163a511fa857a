/** How a failed SMTP send is treated: retry later, or give up on this message. */
export type Failure = { permanent: boolean; message: string };

/**
 * Reads a nodemailer error: an SMTP reply of 5xx (mailbox unknown, message refused) is permanent; 4xx replies
 * (421 busy, 450 greylisted) and connection, DNS, TLS and timeout errors are temporary. Authentication failures
 * (535) are temporary too: they say the server's settings are wrong, not the message, and a fixed SMTP_URL should
 * still deliver it.
 */
export function classifyFailure(error: unknown): Failure {
  const { responseCode, code, message } = (error ?? {}) as {
    responseCode?: unknown;
    code?: unknown;
    message?: unknown;
  };
  const reply = typeof responseCode === 'number' ? responseCode : undefined;
  const text = [typeof code === 'string' ? code : null, reply, typeof message === 'string' ? message : String(error)]
    .filter((part) => part !== null && part !== undefined)
    .join(' ')
    .slice(0, 1000);
  const permanent = reply !== undefined && reply >= 500 && reply < 600 && code !== 'EAUTH';
  return { permanent, message: text };
}
