// The logger's safety net: personal keys are censored at the top of a line and one level down,
// request credentials under req.headers, and nothing else is touched or copied.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CENSOR, createLogger, redactPersonalData } from '../../src/log.js';

const X = CENSOR;

describe('redactPersonalData', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['ids only', { jobId: 'customer-1', customerNumber: 1, action: 'created' }, { jobId: 'customer-1', customerNumber: 1, action: 'created' }],
    ['top-level e-mail and name', { customerNumber: 1, email: 'a@b.no', name: 'Kari' }, { customerNumber: 1, email: X, name: X }],
    ['every listed key', Object.fromEntries(['password', 'username', 'authorization', 'email', 'Email', 'phone', 'phones', 'name', 'firstName', 'lastName', 'birthDate', 'address', 'socialSecurityNumber'].map((k) => [k, 'v'])), Object.fromEntries(['password', 'username', 'authorization', 'email', 'Email', 'phone', 'phones', 'name', 'firstName', 'lastName', 'birthDate', 'address', 'socialSecurityNumber'].map((k) => [k, X]))],
    ['one level down', { customer: { customerNumber: 1, firstName: 'Kari', phones: ['1'] } }, { customer: { customerNumber: 1, firstName: X, phones: X } }],
    ['a whole nested object under a listed key', { address: { street: 'Storgata 1' } }, { address: X }],
    ['two levels down is out of reach (as pino paths *.key)', { a: { b: { email: 'a@b.no' } } }, { a: { b: { email: 'a@b.no' } } }],
    ['arrays are left alone', { list: [{ email: 'a@b.no' }] }, { list: [{ email: 'a@b.no' }] }],
    ['request credentials', { req: { method: 'GET', headers: { authorization: 'Basic x', cookie: 'c', accept: '*/*' } } }, { req: { method: 'GET', headers: { authorization: X, cookie: X, accept: '*/*' } } }],
    ['request headers without credentials', { req: { method: 'GET', headers: { accept: '*/*' } } }, { req: { method: 'GET', headers: { accept: '*/*' } } }],
    ['headers outside req are not request headers', { res: { headers: { cookie: 'c' } } }, { res: { headers: { cookie: 'c' } } }],
    ['null and primitives nested', { a: null, b: 1, c: 'email' }, { a: null, b: 1, c: 'email' }],
  ])('%s', (_name, input, expected) => {
    const snapshot = structuredClone(input);
    expect(redactPersonalData(input)).toEqual(expected);
    // The caller's object is never changed.
    expect(input).toEqual(snapshot);
  });

  it('returns the same object when nothing is censored (no copy per line)', () => {
    const line = { jobId: 'customer-1', customerNumber: 1, nested: { windwardUnique: 5 } };
    expect(redactPersonalData(line)).toBe(line);
  });

  it('keeps an Error an Error with its message and stack when a property of it is censored', () => {
    const error = Object.assign(new Error('boom'), { email: 'a@b.no', code: 'E1' });
    const out = redactPersonalData({ err: error }).err as Error & { email: string; code: string };
    expect(out).toBeInstanceOf(Error);
    expect(out.message).toBe('boom');
    expect(out.stack).toBe(error.stack);
    expect(out.email).toBe(X);
    expect(out.code).toBe('E1');
    expect(error.email).toBe('a@b.no');
  });
});

describe('createLogger', () => {
  function capture() {
    const sink = new PassThrough();
    const lines: Array<Record<string, unknown>> = [];
    sink.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
    });
    return { logger: createLogger({ level: 'info', destination: sink }), lines };
  }

  it('writes censored lines, child bindings included, and serializes errors as before', async () => {
    const { logger, lines } = capture();
    logger.info({ customerNumber: 7, email: 'a@b.no', customer: { lastName: 'Nordmann', customerNumber: 7 } }, 'customer synced');
    logger.child({ username: 'operator' }).warn({ action: 'x' }, 'child line');
    logger.error({ err: Object.assign(new Error('boom'), { phone: '+4712345678' }) }, 'failed');
    logger.child({ module: 'web' }).child({ reqId: 'r1', email: 'c@d.no' }).info({ customerNumber: 8 }, 'grandchild line');
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ customerNumber: 7, email: X, customer: { lastName: X, customerNumber: 7 }, msg: 'customer synced', service: 'customer-sync' });
    expect(lines[1]).toMatchObject({ username: X, action: 'x', msg: 'child line' });
    expect(lines[2]).toMatchObject({ err: { type: 'Error', message: 'boom', phone: X }, msg: 'failed' });
    expect(lines[3]).toMatchObject({ module: 'web', reqId: 'r1', email: X, customerNumber: 8, msg: 'grandchild line' });
    expect(JSON.stringify(lines)).not.toMatch(/a@b\.no|c@d\.no|Nordmann|operator|12345678/u);
  });
});
