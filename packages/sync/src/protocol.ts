import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

/** Top-level message types of the y-websocket protocol. */
export const messageSync = 0;
export const messageAwareness = 1;
export const messageAuth = 2;
export const messageQueryAwareness = 3;

/** One decoded client frame. Update payloads are validated (`Y.decodeUpdate`) but not applied. */
export type SyncMessage =
  | { type: 'sync-step-1'; stateVector: Uint8Array }
  | { type: 'sync-step-2'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' };

/** A frame that is not a valid y-websocket message (the connection closes with 1007). */
export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

/**
 * Decodes one frame. Throws `ProtocolError` when the frame is truncated, has an unknown type, or carries
 * a document update or state vector that does not decode.
 */
export function decodeMessage(data: Uint8Array): SyncMessage {
  try {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case messageSync: {
        const syncType = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (syncType === syncProtocol.messageYjsSyncStep1) {
          Y.decodeStateVector(payload);
          return { type: 'sync-step-1', stateVector: payload };
        }
        if (syncType === syncProtocol.messageYjsSyncStep2 || syncType === syncProtocol.messageYjsUpdate) {
          Y.decodeUpdate(payload);
          return { type: syncType === syncProtocol.messageYjsUpdate ? 'update' : 'sync-step-2', update: payload };
        }
        throw new ProtocolError(`unknown sync message type ${syncType}`);
      }
      case messageAwareness:
        return { type: 'awareness', update: decoding.readVarUint8Array(decoder) };
      case messageQueryAwareness:
        return { type: 'query-awareness' };
      default:
        throw new ProtocolError(`unknown message type ${type}`);
    }
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw new ProtocolError(`malformed frame: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}

/** One entry of an awareness update: a client id, its clock, and its state as raw JSON bytes (`null` = removed). */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** UTF-8 JSON of the state, undecoded, so that its size can be checked before it is parsed. */
  json: Uint8Array;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Encoder = new TextEncoder();

/**
 * Splits an awareness update (varUint count, then per entry varUint client id, varUint clock, varString JSON) into
 * its entries without parsing the JSON. Throws `ProtocolError` when it is truncated or has bytes left over.
 */
export function decodeAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      // A varString is a varUint8Array of UTF-8 bytes.
      entries.push({ clientId, clock, json: decoding.readVarUint8Array(decoder) });
    }
    if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes after the awareness entries');
    return entries;
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw new ProtocolError(`malformed awareness update: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}

/** Parses an entry's JSON state (null for a removal); throws `ProtocolError` when it is not UTF-8 JSON. */
export function parseAwarenessState(json: Uint8Array): unknown {
  try {
    return JSON.parse(utf8.decode(json));
  } catch (error) {
    throw new ProtocolError('awareness state is not JSON', { cause: error });
  }
}

/** The JSON bytes of an awareness state, for `encodeAwarenessEntries`. */
export function awarenessStateJson(state: unknown): Uint8Array {
  return utf8Encoder.encode(JSON.stringify(state));
}

/** Encodes entries back into an awareness update (the inverse of `decodeAwarenessEntries`). */
export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarUint8Array(encoder, entry.json);
  }
  return encoding.toUint8Array(encoder);
}

/** Sync step 1: our state vector, asking the peer for what we lack. */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageSync);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** Sync step 2: everything in `doc` the peer with `stateVector` lacks. */
export function encodeSyncStep2(doc: Y.Doc, stateVector?: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageSync);
  syncProtocol.writeSyncStep2(encoder, doc, stateVector);
  return encoding.toUint8Array(encoder);
}

/** A document update message. */
export function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageSync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** An awareness message carrying an `encodeAwarenessUpdate` payload. */
export function encodeAwareness(awarenessUpdate: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageAwareness);
  encoding.writeVarUint8Array(encoder, awarenessUpdate);
  return encoding.toUint8Array(encoder);
}

/** A query-awareness message (the peer answers with all its awareness states). */
export function encodeQueryAwareness(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageQueryAwareness);
  return encoding.toUint8Array(encoder);
}
