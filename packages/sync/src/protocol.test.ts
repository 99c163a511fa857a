import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  decodeMessage,
  encodeAwareness,
  encodeQueryAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  ProtocolError,
} from './protocol.ts';

describe('protocol', () => {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'hello');

  it('decodes what it encodes', () => {
    expect(decodeMessage(encodeSyncStep1(doc))).toEqual({ type: 'sync-step-1', stateVector: Y.encodeStateVector(doc) });
    expect(decodeMessage(encodeSyncStep2(doc))).toEqual({ type: 'sync-step-2', update: Y.encodeStateAsUpdate(doc) });
    const update = Y.encodeStateAsUpdate(doc);
    expect(decodeMessage(encodeUpdate(update))).toEqual({ type: 'update', update });
    expect(decodeMessage(encodeAwareness(new Uint8Array([1, 2])))).toEqual({
      type: 'awareness',
      update: new Uint8Array([1, 2]),
    });
    expect(decodeMessage(encodeQueryAwareness())).toEqual({ type: 'query-awareness' });
  });

  it('rejects empty, truncated, unknown and undecodable frames with ProtocolError', () => {
    const bad = (build: (e: encoding.Encoder) => void) => {
      const encoder = encoding.createEncoder();
      build(encoder);
      return encoding.toUint8Array(encoder);
    };
    const frames = [
      new Uint8Array([]),
      new Uint8Array([9]),
      new Uint8Array([0, 7, 0]),
      encodeUpdate(Y.encodeStateAsUpdate(doc)).slice(0, 6),
      bad((e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 2);
        encoding.writeVarUint8Array(e, new Uint8Array([0xff, 0xff, 0xff, 0x7f]));
      }),
      bad((e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint8Array(e, new Uint8Array([5, 1]));
      }),
    ];
    for (const frame of frames) expect(() => decodeMessage(frame), `frame ${frame.join(',')}`).toThrow(ProtocolError);
  });
});
