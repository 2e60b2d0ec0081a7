// Reads the {"Customers":[...], "ConnectionInfo":{"TerminalNumber":N}} envelope of write calls,
// with the WebAPI's known failure modes: a raw '%' anywhere in the body is an internal error.

export type EnvelopeResult =
  | { ok: true; customers: Record<string, unknown>[]; terminalNumber: number }
  | { ok: false; status: number; message: string };

export function parseEnvelope(text: string): EnvelopeResult {
  // In valid JSON '%' can only sit inside a string, where the real WebAPI chokes on it.
  if (text.includes('%')) {
    return { ok: false, status: 500, message: 'Internal server error: invalid character in request' };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, status: 400, message: 'Invalid JSON in request body' };
  }
  if (!isPlainObject(parsed)) return { ok: false, status: 400, message: 'Request body must be a JSON object' };
  const customers = parsed['Customers'];
  if (!Array.isArray(customers) || customers.length === 0 || !customers.every(isPlainObject)) {
    return { ok: false, status: 400, message: 'Missing or empty Customers array' };
  }
  const connection = parsed['ConnectionInfo'];
  if (!isPlainObject(connection) || typeof connection['TerminalNumber'] !== 'number') {
    return { ok: false, status: 400, message: 'Missing ConnectionInfo.TerminalNumber' };
  }
  return { ok: true, customers, terminalNumber: connection['TerminalNumber'] };
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
