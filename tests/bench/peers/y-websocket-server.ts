/**
 * The y-websocket reference server (`@y/websocket-server`'s bin/server.js, verbatim apart from the port): `ws` in
 * noServer mode handing every upgrade to `setupWSConnection`, documents in memory, no persistence, no
 * authentication. Runs as its own process; prints `listening on port N` once it accepts connections on 127.0.0.1.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';

const wss = new WebSocketServer({ noServer: true });
const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'Content-Type': 'text/plain' });
  response.end('okay');
});
wss.on('connection', setupWSConnection);
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => {
    wss.emit('connection', ws, request);
  });
});
server.listen(0, '127.0.0.1', () => {
  console.log(`listening on port ${(server.address() as AddressInfo).port}`);
});
