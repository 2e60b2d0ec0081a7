import { readWindwardSeedFile } from '../../../src/simulators/windward/seed-file.js';
import { startWindwardSimulator, type WindwardSimulator } from '../../../src/simulators/windward/server.js';
import { createWindwardClient, type WindwardClient, type WindwardClientConfig } from '../../../src/windward/client.js';
import { SEED_FILE, SIM_PASSWORD, SIM_USERNAME } from '../../fixtures/windward/seed.js';

export const AUTH_HEADER = `Basic ${Buffer.from(`${SIM_USERNAME}:${SIM_PASSWORD}`).toString('base64')}`;

export async function startSeededSimulator(maxConcurrent?: number): Promise<WindwardSimulator> {
  return startWindwardSimulator({
    customers: await readWindwardSeedFile(SEED_FILE),
    username: SIM_USERNAME,
    password: SIM_PASSWORD,
    ...(maxConcurrent === undefined ? {} : { maxConcurrent }),
  });
}

/** The client settings the tests use against a simulator. */
export function testClientConfig(sim: WindwardSimulator, overrides: Partial<WindwardClientConfig> = {}): WindwardClientConfig {
  return {
    baseUrl: sim.url,
    username: SIM_USERNAME,
    password: SIM_PASSWORD,
    terminalNumber: 7,
    timeoutMs: 10_000,
    maxConcurrent: 8,
    country: 'code',
    ...overrides,
  };
}

export function createTestClient(sim: WindwardSimulator, overrides: Partial<WindwardClientConfig> = {}): WindwardClient {
  return createWindwardClient(testClientConfig(sim, overrides));
}

/** The simulator's origin, for /__sim/ calls. */
export function toSimOrigin(sim: WindwardSimulator): string {
  return new URL(sim.url).origin;
}

export async function fetchSimCustomers(sim: WindwardSimulator): Promise<Array<Record<string, unknown>>> {
  const response = await fetch(`${toSimOrigin(sim)}/__sim/customers`);
  const body = (await response.json()) as { Customers: Array<Record<string, unknown>> };
  return body.Customers;
}

export async function fetchVendor(sim: WindwardSimulator, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${sim.url}/${path}`, {
    ...init,
    headers: { Authorization: AUTH_HEADER, 'Content-Type': 'application/json', ...(init.headers ?? {}) },
  });
}

/** Polls a condition the test cannot await directly (e.g. "the simulator has received the call"). */
export async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
