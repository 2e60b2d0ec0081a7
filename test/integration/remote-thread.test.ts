// The remote clients in a thread of their own (src/remote-thread) answer exactly as the in-process
// clients do, over the simulators' real HTTP and SOAP: same results, same callbacks, same errors
// (class, code, Retry-After). A thread that dies fails its calls in flight transiently and is
// started again by the next call.
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { PermanentError, TransientError } from '../../src/errors.js';
import { createLazyInfosoft } from '../../src/infosoft/lazy-client.js';
import { createThreadClient } from '../../src/remote-thread/proxy.js';
import { startRemoteClientsThread, type RemoteClientsThread } from '../../src/remote-thread/remote-clients.js';
import { DEFAULT_SIM_CREDENTIALS, startSimulators, type Simulators } from '../../src/simulators/index.js';
import type { InfosoftCustomer } from '../../src/domain/customer.js';
import type { InfosoftPort, WindwardPort } from '../../src/sync/ports.js';
import { createWindwardClient, type WindwardTruncation } from '../../src/windward/client.js';

let sims: Simulators;
let threaded: RemoteClientsThread;
let local: { infosoft: InfosoftPort; windward: WindwardPort };
const truncations: WindwardTruncation[] = [];

beforeAll(async () => {
  sims = await startSimulators({ customers: 20, overlap: 0.5, shipToShare: 0.5, seed: 7 });
  const config = loadConfig({
    env: { NODE_ENV: 'test' },
    overrides: {
      infosoft: { url: sims.env.INFOSOFT_URL, titleCodes: sims.env.INFOSOFT_TITLE_CODES, timeout: '2s' },
      windward: { url: sims.env.WINDWARD_URL, ...DEFAULT_SIM_CREDENTIALS, timeout: '2s' },
    },
  });
  const windwardConfig = {
    baseUrl: config.windward.url,
    username: config.windward.username,
    password: config.windward.password ?? '',
    terminalNumber: config.windward.terminalNumber,
    timeoutMs: config.windward.timeout,
    maxConcurrent: 4,
    country: config.windward.country,
  };
  threaded = startRemoteClientsThread({ infosoft: config.infosoft, windward: windwardConfig }, { onTruncated: (event) => truncations.push(event) });
  local = { infosoft: createLazyInfosoft(config.infosoft), windward: createWindwardClient(windwardConfig) };
});

afterAll(async () => {
  await threaded?.close();
  await sims?.close();
});

const titleCodes = () => sims.env.INFOSOFT_TITLE_CODES.split(',');

describe('remote clients in a thread', () => {
  it('read every customer as the in-process clients do, master data first through the callback', async () => {
    const numbers = sims.generated?.infosoft.map((c) => c.CustomerNumber) ?? [];
    expect(numbers).toHaveLength(20);
    for (const customerNumber of numbers) {
      const seen: { threaded: InfosoftCustomer[]; local: InfosoftCustomer[] } = { threaded: [], local: [] };
      const [fromThread, fromHere] = await Promise.all([
        threaded.infosoft.getCustomer(customerNumber, titleCodes(), { onMasterData: (m) => seen.threaded.push(m) }),
        local.infosoft.getCustomer(customerNumber, titleCodes(), { onMasterData: (m) => seen.local.push(m) }),
      ]);
      expect(fromThread).toEqual(fromHere);
      expect(fromThread.customerNumber).toBe(customerNumber);
      expect(seen.threaded).toHaveLength(1);
      expect(seen.threaded).toEqual(seen.local);
    }
    const emails = (sims.generated?.windward ?? []).map((c) => c.Email).filter((e): e is string => typeof e === 'string' && e !== '');
    expect(emails.length).toBeGreaterThan(0);
    for (const email of emails) expect(await threaded.windward.findByEmail(email)).toEqual(await local.windward.findByEmail(email));
    expect(await threaded.windward.listCustomers(1, 50)).toEqual(await local.windward.listCustomers(1, 50));
  });

  it('throw the same classified errors: an unknown customer is permanent, a 503 transient with its Retry-After', async () => {
    const unknown = await Promise.allSettled([threaded.infosoft.getCustomer(99_999_999, []), local.infosoft.getCustomer(99_999_999, [])]);
    const [a, b] = unknown.map((r) => (r.status === 'rejected' ? (r.reason as PermanentError) : null));
    expect(a).toBeInstanceOf(PermanentError);
    expect(a?.code).toBe('customer_not_found');
    expect([a?.code, a?.message]).toEqual([b?.code, b?.message]);

    sims.windward.setFaults({ script: [{ kind: 'http503', operation: 'Customers', times: 2 }] });
    const failed = await Promise.allSettled([threaded.windward.listCustomers(1, 1), local.windward.listCustomers(1, 1)]);
    sims.windward.setFaults({ script: [] });
    const [c, d] = failed.map((r) => (r.status === 'rejected' ? (r.reason as TransientError) : null));
    expect(c).toBeInstanceOf(TransientError);
    expect(c?.code).toBe('http_503');
    expect(c?.retryAfterSeconds).toBe(1);
    expect([c?.code, c?.message, c?.retryAfterSeconds]).toEqual([d?.code, d?.message, d?.retryAfterSeconds]);
  });

  it('writes through the thread, and reports fields cut to Windward’s limits (names only) to the worker', async () => {
    const created = await threaded.windward.addCustomer({
      externalRef: 'IS-424242',
      name: `Kari ${'N'.repeat(300)}`,
      firstName: 'Kari',
      lastName: 'N'.repeat(300),
      email: 'kari@example.no',
      phones: [],
      address: { street: 'Storgata', houseNumber: '1', entrance: '', unit: '', coAddress: '', postalCode: '0155', city: 'Oslo', countryCode: 'NO' },
    });
    expect(created.unique).toBeGreaterThan(0);
    expect(await local.windward.getCustomer(created.unique)).toEqual(created);
    expect(truncations).toHaveLength(1);
    expect(truncations[0]).toMatchObject({ operation: 'addCustomer', externalRef: 'IS-424242' });
    expect(truncations[0]?.fields.length).toBeGreaterThan(0);
    expect(JSON.stringify(truncations)).not.toContain('NNNN');
  });
});

describe('the thread client', () => {
  type Echo = {
    hello(value: unknown): Promise<{ value: unknown; thread: boolean }>;
    hang(): Promise<never>;
    refuse(code: string): Promise<never>;
    withProgress(steps: number, onStep: (step: number) => void): Promise<number>;
    unsendable(): Promise<never>;
    exit(code: number): Promise<never>;
  };
  const spawn = () => new Worker(new URL('../support/echo-thread.mjs', import.meta.url));

  it('answers, calls back, and rebuilds errors', async () => {
    const client = createThreadClient({ spawn });
    const echo = client.proxy<Echo>('echo', ['hello', 'refuse', 'withProgress']);
    try {
      expect(await echo.hello({ at: new Date(0), list: [1, 2] })).toEqual({ value: { at: new Date(0), list: [1, 2] }, thread: true });
      const steps: number[] = [];
      expect(await echo.withProgress(3, (step) => steps.push(step))).toBe(3);
      expect(steps).toEqual([1, 2, 3]);
      await expect(echo.refuse('nope')).rejects.toMatchObject({ constructor: PermanentError, code: 'nope', message: 'refused in the thread' });
      expect(client.inFlight).toBe(0);
    } finally {
      await client.close();
    }
  });

  it('fails only the call whose arguments or answer cannot cross, and answers the calls made beside it', async () => {
    const client = createThreadClient({ spawn });
    const echo = client.proxy<Echo>('echo', ['hello', 'unsendable']);
    try {
      // Made in one turn, so they leave in one batch, as do their answers.
      const before = echo.hello('before');
      const uncloneableArgument = echo.hello({ fn: Symbol('not cloneable') });
      const uncloneableAnswer = echo.unsendable();
      const after = echo.hello('after');
      await expect(uncloneableArgument).rejects.toMatchObject({ name: 'DataCloneError' });
      await expect(uncloneableAnswer).rejects.toMatchObject({ name: 'DataCloneError' });
      expect(await before).toEqual({ value: 'before', thread: true });
      expect(await after).toEqual({ value: 'after', thread: true });
      expect(client.inFlight).toBe(0);
    } finally {
      await client.close();
    }
  });

  it('does not send a call that failed before its batch left: closed in the same turn, no thread is started', async () => {
    let spawned = 0;
    const client = createThreadClient({
      spawn: () => {
        spawned += 1;
        return spawn();
      },
    });
    const echo = client.proxy<Echo>('echo', ['hello']);
    const answer = echo.hello('never sent');
    const closing = client.close();
    await expect(answer).rejects.toMatchObject({ constructor: TransientError, code: 'client_thread_stopped' });
    await closing;
    // The batch's turn ends after close(): had it posted, it would have started a thread.
    await new Promise((resolve) => setImmediate(resolve));
    expect(spawned).toBe(0);
    expect(client.inFlight).toBe(0);
  });

  it('fails the calls in flight transiently when the thread dies, and starts a new one for the next call', async () => {
    const exits: string[] = [];
    const client = createThreadClient({ spawn, onExit: (reason) => exits.push(reason) });
    const echo = client.proxy<Echo>('echo', ['hello', 'hang', 'exit']);
    try {
      expect((await echo.hello(1)).thread).toBe(true);
      const hanging = echo.hang();
      const exiting = echo.exit(3);
      await expect(hanging).rejects.toMatchObject({ constructor: TransientError, code: 'client_thread_stopped' });
      await expect(exiting).rejects.toBeInstanceOf(TransientError);
      expect(exits).toEqual([expect.stringContaining('exit code 3')]);
      expect(client.inFlight).toBe(0);
      expect(await echo.hello('again')).toEqual({ value: 'again', thread: true });
    } finally {
      await client.close();
    }
    const stillHanging = client.proxy<Echo>('echo', ['hang']).hang();
    await expect(stillHanging).rejects.toMatchObject({ code: 'client_thread_stopped' });
  });
});
