// The hot read path of the Infosoft client without the soap package: GetCustomerInformation and
// GetPendingMoves are sent as fixed envelopes over undici's keep-alive pool and plain answers are read by a
// small strict XML reader. Anything the reader is not sure about (faults, CDATA, comments, unknown
// attributes, non-2xx statuses) goes back to the soap package's own parser, so errors are classified
// exactly as before (infosoft/errors.ts).
import type { IncomingHttpHeaders } from 'node:http';
import { Pool } from 'undici';
import { requestText } from '../http/text-request.js';
import { toTransportFailure } from '../http/undici-errors.js';

const ENVELOPE_START =
  '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" ' +
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"  xmlns:tns="http://tech.infosoft.no/schemas/2011/10" ' +
  'xmlns:sub="InfoWebService.Subscription" xmlns:a="http://tech.infosoft.no/schemas/2012/08"><soap:Body>';
const ENVELOPE_END = '</soap:Body></soap:Envelope>';

/** The request bodies the soap package writes for these operations (same bytes). */
export const FAST_OPERATIONS = {
  GetCustomerInformation: {
    soapAction: '"InfoWebService.Subscription/GetCustomerInformation"',
    responseElement: 'GetCustomerInformationResponse',
    envelope: (args: { customerNumber: number; titleCode?: string }) =>
      `${ENVELOPE_START}<sub:GetCustomerInformation xmlns:sub="InfoWebService.Subscription" xmlns="InfoWebService.Subscription">` +
      `<sub:customerNumber>${args.customerNumber}</sub:customerNumber>` +
      (args.titleCode === undefined ? '' : `<sub:titleCode>${escapeText(args.titleCode)}</sub:titleCode>`) +
      `</sub:GetCustomerInformation>${ENVELOPE_END}`,
  },
  GetPendingMoves: {
    soapAction: '"http://tech.infosoft.no/schemas/2011/10/ICustomerService/GetPendingMoves"',
    responseElement: 'GetPendingMovesResponse',
    envelope: (args: { CustomerNumber: number }) =>
      `${ENVELOPE_START}<GetPendingMovesRequest xmlns="http://tech.infosoft.no/schemas/2011/10">` +
      `<CustomerNumber>${args.CustomerNumber}</CustomerNumber></GetPendingMovesRequest>${ENVELOPE_END}`,
  },
} as const;

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface FastTransport {
  post(body: string, soapAction: string, timeoutMs: number): Promise<RawResponse>;
  close(): void;
}

/** Keep-alive connections through undici's pool (about a third of node:http's CPU per request). */
export function createFastTransport(endpoint: string, authorization: string | undefined, maxSockets = 64): FastTransport {
  const url = new URL(endpoint);
  const pool = new Pool(url.origin, { connections: maxSockets, keepAliveTimeout: 30_000 });
  const path = `${url.pathname}${url.search}`;
  return {
    async post(body, soapAction, timeoutMs) {
      try {
        const answer = await requestText(pool, {
          path,
          method: 'POST',
          body,
          headersTimeout: timeoutMs,
          bodyTimeout: timeoutMs,
          headers: {
            'Content-Type': 'text/xml; charset=utf-8',
            Accept: 'text/html,application/xhtml+xml,application/xml,text/xml;q=0.9,*/*;q=0.8',
            SOAPAction: soapAction,
            ...(authorization ? { Authorization: authorization } : {}),
          },
        });
        return { status: answer.status, headers: answer.headers as IncomingHttpHeaders, body: answer.body };
      } catch (error) {
        // Classified by infosoft/errors.ts from the Node-style code, as with node:http before.
        const { code, message } = toTransportFailure(error, timeoutMs);
        throw Object.assign(new Error(message, { cause: error }), { code, name: error instanceof Error ? error.name : 'Error' });
      }
    },
    close() {
      void pool.close();
    },
  };
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeText(text: string): string | null {
  if (!text.includes('&')) return text;
  let ok = true;
  const decoded = text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);?/g, (all, name: string) => {
    if (!all.endsWith(';')) ok = false;
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    const e = ENTITY[name];
    if (e === undefined) ok = false;
    return e ?? all;
  });
  return ok ? decoded : null;
}

const TAG = /<(\/?)([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)((?:\s+[\w.:-]+\s*=\s*"[^"]*")*)\s*(\/?)>/y;
const ATTRIBUTE = /([\w.:-]+)\s*=\s*"([^"]*)"/g;
const NIL = /^(?:[\w.-]+:)?nil$/;

// An element without attributes ("<Name>", "</a:Name>", "<Name/>"): most of an answer. Its name is
// scanned in place, character by character, from just after "<" or "</" to its ">": only the local
// name is cut out, and a closing tag is compared in place with the element it closes (no string per
// tag). Anything else goes through TAG.
const SLASH = 47;
const COLON = 58;

/** [A-Za-z_]: what may start a name or a prefix. */
function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

/** [\w.-]: what may follow in a name. */
function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45;
}

/**
 * For a tag whose name starts at `start` and whose ">" is at `gt`: where its local name starts when
 * the tag is a plain one, `(?:prefix:)?name` then ">" (or "/>" where `selfClosingAllowed`); else -1.
 */
function plainLocalStart(xml: string, start: number, gt: number, selfClosingAllowed: boolean): number {
  let i = start;
  if (!isNameStart(xml.charCodeAt(i))) return -1;
  i += 1;
  while (isNameChar(xml.charCodeAt(i))) i += 1;
  let localStart = start;
  if (xml.charCodeAt(i) === COLON) {
    i += 1;
    localStart = i;
    if (!isNameStart(xml.charCodeAt(i))) return -1;
    i += 1;
    while (isNameChar(xml.charCodeAt(i))) i += 1;
  }
  if (selfClosingAllowed && xml.charCodeAt(i) === SLASH) i += 1;
  return i === gt ? localStart : -1;
}

/** Whether xml[start, end) is only white space (the set \s and String.prototype.trim share). */
function isBlank(xml: string, start: number, end: number): boolean {
  for (let i = start; i < end; i += 1) if (!isWhiteSpace(xml.charCodeAt(i))) return false;
  return true;
}

function isWhiteSpace(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 160) return false;
  return c === 160 || c === 5760 || (c >= 8192 && c <= 8202) || c === 8232 || c === 8233 || c === 8239 || c === 8287 || c === 12288 || c === 65279;
}

interface Frame {
  name: string;
  children: Record<string, unknown> | null;
  text: string;
  nil: boolean;
  /** Set when the element closes. Declared up front so every frame has one shape. */
  value: unknown;
}

/**
 * Reads the children of soap:Body's first element into the shape the soap package gives (elements →
 * objects, repeated elements → arrays, leaves → text, i:nil → null, empty → ''). Returns null when
 * the body holds anything this reader does not handle; the caller then uses the soap package.
 */
export function readSoapBody(xml: string, responseElement: string): Record<string, unknown> | null {
  // CDATA sections, comments and processing instructions after the declaration ("<!", "<?") fail
  // both name tests below and end the read, so the document is not scanned for them beforehand.
  let pos = xml.startsWith('<?xml') ? xml.indexOf('?>') + 2 : 0;
  if (pos === 1) return null;
  const stack: Frame[] = [];
  let root: Frame | null = null;
  while (pos < xml.length) {
    const lt = xml.indexOf('<', pos);
    if (lt === -1) {
      if (xml.slice(pos).trim() !== '') return null;
      break;
    }
    if (lt > pos) {
      const top = stack[stack.length - 1];
      const blank = isBlank(xml, pos, lt);
      if (!top) {
        if (!blank) return null;
      } else if (!blank || top.children === null) {
        // White space beside child elements changes nothing (an element with children must have no
        // other text); anywhere else the text is kept as it is.
        top.text += xml.slice(pos, lt);
      }
    }
    const gt = xml.indexOf('>', lt + 1);
    if (gt === -1) return null;
    let closing = xml.charCodeAt(lt + 1) === SLASH;
    let selfClosing = !closing && xml.charCodeAt(gt - 1) === SLASH;
    let local: string;
    let attrs = '';
    const nameStart = closing ? lt + 2 : lt + 1;
    const localStart = plainLocalStart(xml, nameStart, gt, !closing);
    if (localStart !== -1) {
      const nameEnd = selfClosing ? gt - 1 : gt;
      pos = gt + 1;
      if (closing) {
        const frame = stack.pop();
        if (!frame || !isLocalName(xml, localStart, nameEnd, frame.name)) return null;
        if (!finish(frame, stack)) return null;
        if (stack.length === 0) root = frame;
        continue;
      }
      local = xml.slice(localStart, nameEnd);
    } else {
      TAG.lastIndex = lt;
      const m = TAG.exec(xml);
      if (!m) return null;
      pos = TAG.lastIndex;
      closing = m[1] !== '';
      local = m[3] as string;
      attrs = m[4] as string;
      selfClosing = m[5] !== '';
    }
    // A fault is the soap package's to read and classify (a closing tag only closes what was opened).
    if (local === 'Fault') return null;
    if (closing) {
      if (attrs || selfClosing) return null;
      const frame = stack.pop();
      if (!frame || frame.name !== local) return null;
      if (!finish(frame, stack)) return null;
      if (stack.length === 0) root = frame;
      continue;
    }
    let nil = false;
    if (attrs) {
      ATTRIBUTE.lastIndex = 0;
      for (let a = ATTRIBUTE.exec(attrs); a; a = ATTRIBUTE.exec(attrs)) {
        const name = a[1] as string;
        if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
        if (NIL.test(name) && a[2] === 'true') {
          nil = true;
          continue;
        }
        return null;
      }
    }
    const frame: Frame = { name: local, children: null, text: '', nil, value: undefined };
    if (selfClosing) {
      if (!finish(frame, stack)) return null;
      if (stack.length === 0) root = frame;
    } else stack.push(frame);
  }
  if (stack.length !== 0 || !root || root.name !== 'Envelope') return null;
  const body = root.value;
  if (typeof body !== 'object' || body === null) return null;
  const inner = (body as Record<string, unknown>).Body;
  if (typeof inner !== 'object' || inner === null) return null;
  const keys = Object.keys(inner);
  if (keys.length !== 1 || keys[0] !== responseElement) return null;
  const response = (inner as Record<string, unknown>)[responseElement];
  if (response === '' || response === null) return {};
  return typeof response === 'object' && !Array.isArray(response) ? (response as Record<string, unknown>) : null;
}

/** Whether xml[start, end) is exactly `name`, compared in place. */
function isLocalName(xml: string, start: number, end: number, name: string): boolean {
  return end - start === name.length && xml.startsWith(name, start);
}

/** Closes an element: computes its value and adds it to the parent. False when it is mixed content. */
function finish(frame: Frame, stack: Frame[]): boolean {
  let value: unknown;
  if (frame.nil) value = null;
  else if (frame.children) {
    if (frame.text.trim() !== '') return false;
    value = frame.children;
  } else {
    const text = decodeText(frame.text);
    if (text === null) return false;
    value = text;
  }
  frame.value = value;
  const parent = stack[stack.length - 1];
  if (!parent) return true;
  parent.children ??= {};
  const existing = parent.children[frame.name];
  if (existing === undefined) parent.children[frame.name] = value;
  else if (Array.isArray(existing) && (existing as { repeated?: boolean }).repeated) existing.push(value);
  else parent.children[frame.name] = Object.assign([existing, value], { repeated: true });
  return true;
}
