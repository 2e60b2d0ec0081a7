// Both simulators together, as `customer-sync sim`, the demo and the tests use them.
import type { FaultSettings } from './faults.js';
import { generateCustomers, type GeneratedData } from './generate.js';
import { startInfosoftSimulator, type InfosoftSimulator } from './infosoft/server.js';
import type { InfosoftSeedRecord } from './infosoft/seed-record.js';
import { startWindwardSimulator, type WindwardSimulator } from './windward/server.js';
import type { WindwardSeedRecord } from './windward/seed-record.js';

/** Credentials the Windward simulator accepts when WINDWARD_USERNAME / WINDWARD_PASSWORD are unset. */
export const DEFAULT_SIM_CREDENTIALS = { username: 'customer-sync', password: 'simulator' } as const;
export const DEMO_TITLE_CODES = ['IT', 'AP'] as const;

export interface StartSimulatorsOptions {
  host?: string;
  infosoftPort?: number;
  windwardPort?: number;
  /** Generated data, unless seed files are given. */
  customers?: number;
  overlap?: number;
  shipToShare?: number;
  seed?: number;
  /** Forms each generated surname can take (see GenerateOptions). */
  surnameVariety?: number;
  infosoftSeed?: InfosoftSeedRecord[];
  windwardSeed?: WindwardSeedRecord[];
  username?: string;
  password?: string;
  faults?: Partial<FaultSettings>;
  now?: () => Date;
}

export interface Simulators {
  infosoft: InfosoftSimulator;
  windward: WindwardSimulator;
  generated: GeneratedData | null;
  /** The settings that point the worker at these simulators. */
  env: { INFOSOFT_URL: string; WINDWARD_URL: string; INFOSOFT_TITLE_CODES: string };
  close(): Promise<void>;
}

/** The data the simulators generate for these options (the same seed gives the same data). */
export function generateSimulatorData(options: Pick<StartSimulatorsOptions, 'customers' | 'overlap' | 'shipToShare' | 'seed' | 'surnameVariety'>): GeneratedData {
  return generateCustomers({
    customers: options.customers ?? 500,
    overlap: options.overlap ?? 0.3,
    shipToShare: options.shipToShare ?? 0.1,
    seed: options.seed ?? 1,
    titleCodes: DEMO_TITLE_CODES,
    ...(options.surnameVariety === undefined ? {} : { surnameVariety: options.surnameVariety }),
  });
}

export async function startSimulators(options: StartSimulatorsOptions = {}): Promise<Simulators> {
  const generated = options.infosoftSeed || options.windwardSeed ? null : generateSimulatorData(options);
  const host = options.host ?? '127.0.0.1';
  const infosoft = await startInfosoftSimulator({
    host,
    port: options.infosoftPort ?? 0,
    customers: options.infosoftSeed ?? generated?.infosoft ?? [],
    faults: options.faults,
    now: options.now,
  });
  const windward = await startWindwardSimulator({
    host,
    port: options.windwardPort ?? 0,
    customers: options.windwardSeed ?? generated?.windward ?? [],
    username: options.username ?? DEFAULT_SIM_CREDENTIALS.username,
    password: options.password ?? DEFAULT_SIM_CREDENTIALS.password,
    faults: options.faults,
  }).catch(async (error: unknown) => {
    await infosoft.close();
    throw error;
  });
  return {
    infosoft,
    windward,
    generated,
    env: { INFOSOFT_URL: infosoft.url, WINDWARD_URL: windward.url, INFOSOFT_TITLE_CODES: DEMO_TITLE_CODES.join(',') },
    async close() {
      await Promise.all([infosoft.close(), windward.close()]);
    },
  };
}
