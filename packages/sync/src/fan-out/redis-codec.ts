import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { FanOutMessage } from './fan-out.ts';

/** Wire numbers of the message types: append new ones, never reorder (instances of two versions may share Redis). */
const TYPES = ['update', 'awareness', 'query-awareness'] as const;

/** Encodes a fan-out message for a Redis channel (the room is the channel, so it is left out). */
export function encodeFanOutMessage({ type, source, id, payload }: FanOutMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, TYPES.indexOf(type));
  encoding.writeVarString(encoder, source);
  encoding.writeVarUint(encoder, id === undefined ? 0 : id + 1);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** Decodes what {@link encodeFanOutMessage} wrote; throws on anything else. */
export function decodeFanOutMessage(room: string, data: Uint8Array): FanOutMessage {
  const decoder = decoding.createDecoder(data);
  const type = TYPES[decoding.readVarUint(decoder)];
  if (!type) throw new Error('unknown fan-out message type');
  const source = decoding.readVarString(decoder);
  const id = decoding.readVarUint(decoder);
  const payload = decoding.readVarUint8Array(decoder);
  return id === 0 ? { type, room, source, payload } : { type, room, source, payload, id: id - 1 };
}
