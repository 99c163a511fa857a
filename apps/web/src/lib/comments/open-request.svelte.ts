import type { RecordKind } from '@quorum/api-schema';

/** A request to open a record's comments, made outside the room (the bell) and taken by the deal's room when it is open. */
export interface OpenRequest {
  dealId: string;
  record: { kind: RecordKind; id: string; label: string };
  threadId?: string;
}

let pending = $state<OpenRequest | null>(null);

/** Asks the room of `request.dealId` to open a record's comments (now if it is open, or once it opens). */
export function requestOpen(request: OpenRequest): void {
  pending = request;
}

/** The request waiting for the room of `dealId`, taken (cleared) by the caller; read reactively. */
export function takeOpenRequest(dealId: string): OpenRequest | null {
  const request = pending;
  if (!request || request.dealId !== dealId) return null;
  pending = null;
  return request;
}

/** Whether a request waits for the room of `dealId` (reactive). */
export function hasOpenRequest(dealId: string): boolean {
  return pending?.dealId === dealId;
}
