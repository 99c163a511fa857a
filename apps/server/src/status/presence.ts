import type { SyncConnection, SyncSocket } from '@quorum/sync';

/** The engine's `connect`, as the sync routes call it. */
export interface Connectable<Context> {
  connect(socket: SyncSocket, options: { room: string; context: Context }): SyncConnection;
}

/**
 * Wraps an engine's `connect` so `onPresence(room)` is called when a connection has joined its room
 * (the engine's first frame to it: it is counted by `connectionCount` from then on) and when it closes.
 * The status projection uses it to keep `online` current.
 */
export function withPresence<Context>(
  engine: Connectable<Context>,
  onPresence: (room: string) => void,
): Connectable<Context> {
  return {
    connect(socket, options) {
      let joined = false;
      const connection = engine.connect(
        {
          send(data) {
            socket.send(data);
            if (joined) return;
            joined = true;
            onPresence(options.room);
          },
          close: (code, reason) => socket.close(code, reason),
          bufferedAmount: socket.bufferedAmount ? () => socket.bufferedAmount?.() ?? 0 : undefined,
        },
        options,
      );
      let closed = false;
      return {
        receive: (data) => connection.receive(data),
        close() {
          connection.close();
          if (closed || !joined) return;
          closed = true;
          onPresence(options.room);
        },
        get readOnly() {
          return connection.readOnly;
        },
        get room() {
          return connection.room;
        },
        get identity() {
          return connection.identity;
        },
      };
    },
  };
}
