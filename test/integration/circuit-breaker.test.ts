// When a remote keeps failing, the worker pauses instead of burning attempts, probes, and resumes.
import { afterEach, describe, expect, it } from 'vitest';
import { generateCustomers } from '../../src/simulators/generate.js';
import { listAllLinks } from '../../src/store/links.js';
import { startHarness, waitUntil, type Harness } from '../support/harness.js';

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

describe('circuit breaker', () => {
  it('pauses the sync worker while Windward is down and resumes by itself', async () => {
    const data = generateCustomers({ customers: 20, overlap: 0, shipToShare: 0, seed: 21, titleCodes: ['IT', 'AP'], windwardOnlyShare: 0 });
    harness = await startHarness({
      sims: { infosoftSeed: data.infosoft, windwardSeed: [] },
      config: { sync: { attempts: 50, backoff: '20ms', maxBackoff: '100ms', circuitThreshold: 5, circuitProbeEvery: '100ms', concurrency: 4 } },
    });
    const h = harness;
    h.sims.windward.setFaults({ script: [{ kind: 'http503', times: 1_000_000 }] });
    for (const c of data.infosoft) await h.app.enqueueCustomer(c.CustomerNumber, 'test');

    const worker = (await h.app.startWorkers()).sync;
    await waitUntil(() => worker.isPaused(), 'the circuit to open');
    const failedWhileDown = (await h.app.queues.sync.getFailed()).length;
    expect(failedWhileDown).toBe(0); // attempts are not burnt to exhaustion while paused

    h.sims.windward.setFaults({ script: [] });
    await waitUntil(() => !worker.isPaused(), 'the probe to close the circuit');
    await waitUntil(() => listAllLinks(h.app.db).length === 20, 'every customer to be synced after recovery', 60_000);
    expect(await h.app.queues.sync.getFailedCount()).toBe(0);
  });
});
