// How each injected fault looks on the wire, mimicking IIS, a reverse proxy and a flaky network.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ScriptedFaultKind } from '../faults.js';
import { sendText as send } from './http-io.js';

const SOAP_SERVER_FAULT =
  '<?xml version="1.0" encoding="utf-8"?>' +
  '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault>' +
  '<faultcode>soap:Server</faultcode>' +
  '<faultstring>Server was unable to process request. ---&gt; Simulated server fault</faultstring>' +
  '<detail/></soap:Fault></soap:Body></soap:Envelope>';

const PROXY_502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n' +
  '<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/** Seconds the simulator asks clients to wait on 503. */
export const RETRY_AFTER_SECONDS = 1;

/** Answers the call with the fault. 'lost-response' is handled by the caller (it needs the real answer). */
export function serveFault(kind: Exclude<ScriptedFaultKind, 'lost-response'>, operation: string, req: IncomingMessage, res: ServerResponse): void {
  switch (kind) {
    case 'timeout':
      // Never answer: the socket stays open until the client gives up or the simulator closes.
      return;
    case 'reset':
      req.socket.destroy();
      return;
    case 'server-fault':
      send(res, 500, 'text/xml; charset=utf-8', SOAP_SERVER_FAULT);
      return;
    case 'http500':
      send(res, 500, 'text/plain; charset=utf-8', 'Internal Server Error');
      return;
    case 'html502':
      send(res, 502, 'text/html', PROXY_502);
      return;
    case 'http503':
      res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      send(res, 503, 'text/html', '<html><body><h1>Service Unavailable</h1></body></html>');
      return;
    case 'malformed':
      send(res, 200, 'text/xml; charset=utf-8', toTruncatedEnvelope(operation));
      return;
  }
}

function toTruncatedEnvelope(operation: string): string {
  const full =
    '<?xml version="1.0" encoding="utf-8"?>' +
    '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>' +
    `<${operation}Response xmlns="InfoWebService.Subscription"><${operation}Result><StatusCode>00</StatusCode>` +
    `<CustomerNumber>1</CustomerNumber></${operation}Result></${operation}Response></soap:Body></soap:Envelope>`;
  return full.slice(0, Math.floor(full.length * 0.6));
}
