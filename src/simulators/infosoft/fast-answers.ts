// Hand-written answers for the two reads every sync makes (GetCustomerInformation, GetPendingMoves):
// the soap package's serializer costs milliseconds per call, which made the simulator the bound of
// every benchmark. The bytes are the ones the soap package writes for the same objects
// (test/integration/infosoft/conformance.test.ts and the bench's check compare them); anything
// unusual (unknown request shapes, unknown customers, nil values) still goes through the soap package.
import { escapeXml } from './responses.js';

const ENVELOPE_START =
  '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"  ' +
  'xmlns:tns="http://tech.infosoft.no/schemas/2011/10" xmlns:sub="InfoWebService.Subscription" ' +
  'xmlns:a="http://tech.infosoft.no/schemas/2012/08"><soap:Body>';
const ENVELOPE_END = '</soap:Body></soap:Envelope>';

class NotPlain extends Error {}

/** Elements in key order, as the soap serializer writes plain objects; arrays repeat the element. */
function toElements(value: Record<string, unknown>, prefix: string): string {
  let out = '';
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (v === undefined) continue;
    if (Array.isArray(v)) for (const item of v) out += toElement(key, item, prefix);
    else out += toElement(key, v, prefix);
  }
  return out;
}

function toElement(name: string, value: unknown, prefix: string): string {
  if (value === null || value instanceof Date) throw new NotPlain();
  const inner = typeof value === 'object' ? toElements(value as Record<string, unknown>, prefix) : escapeXml(String(value));
  return `<${prefix}${name}>${inner}</${prefix}${name}>`;
}

export function customerInformationXml(result: Record<string, unknown>): string | null {
  try {
    return (
      `${ENVELOPE_START}<sub:GetCustomerInformationResponse xmlns:sub="InfoWebService.Subscription" xmlns="InfoWebService.Subscription">` +
      `<sub:GetCustomerInformationResult>${toElements(result, 'sub:')}</sub:GetCustomerInformationResult>` +
      `</sub:GetCustomerInformationResponse>${ENVELOPE_END}`
    );
  } catch (error) {
    if (error instanceof NotPlain) return null;
    throw error;
  }
}

export function pendingMovesXml(moves: ReadonlyArray<Record<string, unknown>>): string | null {
  try {
    const inner = moves.map((move) => toElement('PendingMove', move, '')).join('');
    return `${ENVELOPE_START}<GetPendingMovesResponse xmlns="http://tech.infosoft.no/schemas/2011/10"><PendingMoves>${inner}</PendingMoves></GetPendingMovesResponse>${ENVELOPE_END}`;
  } catch (error) {
    if (error instanceof NotPlain) return null;
    throw error;
  }
}

/** The request shapes our client (and the soap package) sends; null for anything else. */
const CUSTOMER_INFORMATION_REQUEST =
  /<soap:Body><sub:GetCustomerInformation xmlns:sub="InfoWebService\.Subscription" xmlns="InfoWebService\.Subscription"><sub:customerNumber>(\d{1,9})<\/sub:customerNumber>(?:<sub:titleCode>([A-Za-z0-9]{1,20})<\/sub:titleCode>)?<\/sub:GetCustomerInformation><\/soap:Body><\/soap:Envelope>\s*$/;
const PENDING_MOVES_REQUEST =
  /<soap:Body><GetPendingMovesRequest xmlns="http:\/\/tech\.infosoft\.no\/schemas\/2011\/10"><CustomerNumber>(\d{1,9})<\/CustomerNumber><\/GetPendingMovesRequest><\/soap:Body><\/soap:Envelope>\s*$/;

export function readCustomerInformationRequest(xml: string): { customerNumber: number; titleCode: string | null } | null {
  const m = CUSTOMER_INFORMATION_REQUEST.exec(xml);
  return m ? { customerNumber: Number(m[1]), titleCode: m[2] ?? null } : null;
}

export function readPendingMovesRequest(xml: string): { customerNumber: number } | null {
  const m = PENDING_MOVES_REQUEST.exec(xml);
  return m ? { customerNumber: Number(m[1]) } : null;
}
