import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WindwardSimulator } from '../../../src/simulators/windward/server.js';
import { createLazyWindward } from '../../../src/windward/lazy-client.js';
import { aDraft } from '../../fixtures/windward/seed.js';
import { createTestClient, startSeededSimulator, testClientConfig } from './harness.js';

describe('createLazyWindward (the client loaded on first use)', () => {
  let sim: WindwardSimulator;

  beforeEach(async () => {
    sim = await startSeededSimulator();
  });

  afterEach(async () => {
    await sim.close();
  });

  it('answers every call as the client itself does', async () => {
    const direct = createTestClient(sim);
    const lazy = createLazyWindward(testClientConfig(sim));
    try {
      expect(await lazy.getCustomer(101)).toEqual(await direct.getCustomer(101));
      expect(await lazy.listCustomers(1, 2)).toEqual(await direct.listCustomers(1, 2));
      const created = await lazy.addCustomer(aDraft());
      expect(await direct.getCustomer(created.unique)).toEqual(created);
      const renamed = aDraft({ name: 'Kari Nordmann-Berg' });
      expect(await lazy.updateCustomer(created.unique, renamed)).toEqual({ ...renamed, unique: created.unique });
      expect(await lazy.findByEmail(renamed.email ?? '')).toEqual(await direct.findByEmail(renamed.email ?? ''));
    } finally {
      await Promise.all([lazy.close(), direct.close()]);
    }
  });

  it('closes at once when it was never used', async () => {
    await expect(createLazyWindward(testClientConfig(sim)).close()).resolves.toBeUndefined();
  });
});
