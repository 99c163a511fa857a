import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { ResolvedAddress } from './address-guard.ts';

/** The longest excerpt of an answer's body kept in the delivery log. */
export const RESPONSE_EXCERPT_CHARS = 500;

/** An endpoint's answer: its status and the start of its body. */
export interface WebhookResponse {
  status: number;
  excerpt: string;
}

/** Options of {@link postWebhook}. */
export interface PostWebhookOptions {
  url: URL;
  /** The address checked for this delivery: the connection goes there, whatever the name resolves to now. */
  address: ResolvedAddress;
  headers: Record<string, string>;
  body: string;
  /** The whole exchange (connect, send, first bytes of the answer) must end within this (default 10 s). */
  timeoutMs?: number;
}

/**
 * POSTs a delivery to `url` over a connection to `address` (TLS still checks the certificate against the URL's host
 * name, and `Host` is the URL's). Redirects are not followed (a 3xx is an answer like any other non-2xx), and only
 * the first bytes of the answer are read. Rejects on a network error or once `timeoutMs` has passed.
 */
export function postWebhook({ url, address, headers, body, timeoutMs = 10_000 }: PostWebhookOptions) {
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all) {
      (callback as (error: null, addresses: ResolvedAddress[]) => void)(null, [address]);
    } else {
      callback(null, address.address, address.family);
    }
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<WebhookResponse>((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        agent: false,
        lookup: pinned,
        signal: AbortSignal.timeout(timeoutMs),
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const finish = () => {
          const excerpt = Buffer.concat(chunks).toString('utf8').slice(0, RESPONSE_EXCERPT_CHARS);
          resolve({ status: response.statusCode ?? 0, excerpt });
        };
        response.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          if (size >= RESPONSE_EXCERPT_CHARS * 4) {
            finish();
            response.destroy();
          }
        });
        response.on('end', finish);
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
