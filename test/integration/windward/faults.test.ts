import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TransientError } from '../../../src/errors.js';
import type { ScriptedFault } from '../../../src/simulators/faults.js';
import type { WindwardSimulator } from '../../../src/simulators/windward/server.js';
import type { WindwardClient } from '../../../src/windward/client.js';
import { aDraft } from '../../fixtures/windward/seed.js';
import { createTestClient, fetchSimCustomers, fetchVendor, startSeededSimulator, toSimOrigin } from './harness.js';

async function putFaults(sim: WindwardSimulator, settings: unknown): Promise<void> {
  const response = await fetch(`${toSimOrigin(sim)}/__sim/faults`, { method: 'PUT', body: JSON.stringify(settings) });
  expect(response.status).toBe(200);
}

describe('Windward client under simulator faults', () => {
  let sim: WindwardSimulator;
  let client: WindwardClient;

  beforeEach(async () => {
    sim = await startSeededSimulator();
    client = createTestClient(sim, { timeoutMs: 2_000 });
  });

  afterEach(async () => {
    await client.close();
    await sim.close();
  });

  it.each<[ScriptedFault['kind'], string]>([
    ['html502', 'http_502'],
    ['http500', 'http_500'],
    ['server-fault', 'http_500'],
    ['http503', 'http_503'],
    ['malformed', 'malformed_response'],
    ['reset', 'connection_reset'],
    ['timeout', 'timeout'],
  ])('%s on a read → TransientError %s, and the next call works', async (kind, code) => {
    // A short timeout only matters for the 'timeout' fault, where the server never answers.
    const quick = createTestClient(sim, { timeoutMs: 300 });
    try {
      await putFaults(sim, { script: [{ kind, operation: 'Customers' }] });
      const error: unknown = await quick.getCustomer(101).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TransientError);
      expect(error).toMatchObject({ code });
      expect(await quick.getCustomer(101)).toMatchObject({ unique: 101, name: 'Kari Nordmann' });
    } finally {
      await quick.close();
    }
  });

  it('passes Retry-After on a 503', async () => {
    sim.setFaults({ script: [{ kind: 'http503' }] });
    await expect(client.findByEmail('kari.nordmann@example.no')).rejects.toMatchObject({ code: 'http_503', retryAfterSeconds: 1 });
  });

  it('a fault on addCustomer does not commit the write', async () => {
    sim.setFaults({ script: [{ kind: 'html502', operation: 'addCustomer' }] });
    await expect(client.addCustomer(aDraft())).rejects.toMatchObject({ code: 'http_502' });
    expect(await fetchSimCustomers(sim)).toHaveLength(4);
  });

  it('a lost response on addCustomer is transient while the record is committed', async () => {
    await putFaults(sim, { script: [{ kind: 'lost-response', operation: 'addCustomer' }] });
    const error: unknown = await client.addCustomer(aDraft({ externalRef: 'IS-400001' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientError);
    expect(error).toMatchObject({ code: 'connection_reset' });
    const stored = await fetchSimCustomers(sim);
    expect(stored.filter((c) => c['Number'] === 'IS-400001')).toHaveLength(1);
  });

  it('a lost response on update_Retail_Customer still applies the change', async () => {
    sim.setFaults({ script: [{ kind: 'lost-response' }] });
    await expect(client.getCustomer(101)).resolves.not.toBeNull();
    await expect(client.updateCustomer(101, aDraft({ name: 'Kari N.' }))).rejects.toBeInstanceOf(TransientError);
    expect((await client.getCustomer(101))?.name).toBe('Kari N.');
  });

  it('DELETE /__sim/faults clears a pending script', async () => {
    sim.setFaults({ script: [{ kind: 'reset', times: 5 }] });
    const response = await fetch(`${toSimOrigin(sim)}/__sim/faults`, { method: 'DELETE' });
    expect(response.status).toBe(200);
    await expect(client.getCustomer(101)).resolves.toMatchObject({ unique: 101 });
  });

  it('rejects invalid fault settings', async () => {
    const response = await fetch(`${toSimOrigin(sim)}/__sim/faults`, { method: 'PUT', body: JSON.stringify({ faultRate: 2 }) });
    expect(response.status).toBe(400);
  });
});

describe('connection cap', () => {
  let sim: WindwardSimulator;

  beforeEach(async () => {
    sim = await startSeededSimulator(32);
  });

  afterEach(async () => {
    await sim.close();
  });

  it('answers 503 beyond 32 requests in flight, while the capped client never exceeds it', async () => {
    // The latency keeps the first 32 requests in flight while the other 8 arrive.
    sim.setFaults({ latencyMs: 1_000 });
    const statuses = await Promise.all(
      Array.from({ length: 40 }, async () => {
        const response = await fetchVendor(sim, 'Customer/Customers/101');
        await response.arrayBuffer();
        return response.status;
      }),
    );
    const rejected = statuses.filter((s) => s === 503).length;
    expect(rejected).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 200).length).toBe(40 - rejected);

    sim.setFaults({ latencyMs: 200 });
    const client = createTestClient(sim, { maxConcurrent: 8 });
    try {
      const results = await Promise.allSettled(Array.from({ length: 40 }, () => client.getCustomer(101)));
      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    } finally {
      await client.close();
    }
  });
});
