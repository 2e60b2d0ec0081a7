import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ScriptedFaultKind } from '../faults.js';
import { sendJsonError, sendText } from './http-io.js';

// What each fault looks like on the wire. A reverse proxy in front of IIS/the Windows service
// answers gateway errors with HTML, which is why html502 is not JSON.

const GATEWAY_HTML =
  '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>' +
  '<body><h1>Bad Gateway</h1><p>The proxy server received an invalid response from an upstream server.</p></body></html>';

/** A body cut off mid-string, as when the service dies while writing. */
const TRUNCATED_JSON = '{"Customers":[{"Unique":1,"Name":"Nordm';

/** Plays a fault that replaces the operation. 'lost-response' is handled by the caller (it commits first). */
export function playFault(kind: Exclude<ScriptedFaultKind, 'lost-response'>, req: IncomingMessage, res: ServerResponse): void {
  switch (kind) {
    case 'http500':
    case 'server-fault':
      sendJsonError(res, 500, 'Internal server error: Access violation at address 00000000');
      return;
    case 'html502':
      sendText(res, 502, GATEWAY_HTML, 'text/html; charset=utf-8');
      return;
    case 'http503':
      sendJsonError(res, 503, 'Service unavailable', { 'Retry-After': '1' });
      return;
    case 'timeout':
      // Never answer; the socket stays open until the client gives up or the simulator closes.
      return;
    case 'reset':
      req.socket.destroy();
      return;
    case 'malformed':
      sendText(res, 200, TRUNCATED_JSON, 'application/json; charset=utf-8');
      return;
  }
}
