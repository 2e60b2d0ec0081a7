import { loadConfig } from '../../config.js';
import { readInfosoftSeedFile } from '../../simulators/infosoft/seed-file.js';
import { DEFAULT_SIM_CREDENTIALS, startSimulators } from '../../simulators/index.js';
import { readWindwardSeedFile } from '../../simulators/windward/seed-file.js';
import { onShutdown } from '../shutdown.js';

export interface SimOptions {
  infosoftPort: number;
  windwardPort: number;
  customers: number;
  overlap: number;
  seed: number;
  surnameVariety: number;
  infosoftSeed?: string;
  windwardSeed?: string;
  latencyMs: number;
  faultRate: number;
  lostResponseRate: number;
}

/** Runs both simulators in the foreground and prints the settings that point a worker at them. */
export async function runSim(options: SimOptions): Promise<number> {
  // The simulator accepts the credentials the worker will send, so one environment serves both.
  const { windward } = loadConfig();
  const simulators = await startSimulators({
    infosoftPort: options.infosoftPort,
    windwardPort: options.windwardPort,
    customers: options.customers,
    overlap: options.overlap,
    seed: options.seed,
    surnameVariety: options.surnameVariety,
    infosoftSeed: options.infosoftSeed ? await readInfosoftSeedFile(options.infosoftSeed) : undefined,
    windwardSeed: options.windwardSeed ? await readWindwardSeedFile(options.windwardSeed) : undefined,
    username: windward.username,
    password: windward.password ?? DEFAULT_SIM_CREDENTIALS.password,
    faults: { latencyMs: options.latencyMs, faultRate: options.faultRate, lostResponseRate: options.lostResponseRate },
  });
  for (const [name, value] of Object.entries(simulators.env)) process.stdout.write(`${name}=${value}\n`);
  process.stderr.write('simulators running; Ctrl-C to stop\n');
  await onShutdown(() => simulators.close());
  return 0;
}
