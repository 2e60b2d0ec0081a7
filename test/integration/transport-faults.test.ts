// Transport faults are retried, then end as a failed job with a readable reason; the worker survives.
import { afterEach, describe, expect, it } from 'vitest';
import type { ScriptedFault } from '../../src/simulators/faults.js';
import { generateCustomers } from '../../src/simulators/generate.js';
import { findLink } from '../../src/store/links.js';
import { lastSyncLogId } from '../../src/store/sync-log.js';
import { lastOutcome, startHarness, waitUntil, type Harness } from '../support/harness.js';

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

const data = generateCustomers({ customers: 3, overlap: 0, shipToShare: 0, seed: 11, titleCodes: ['IT', 'AP'], windwardOnlyShare: 0 });
const [first, second, third] = data.infosoft.map((c) => c.CustomerNumber) as [number, number, number];

async function syncAndWait(h: Harness, customerNumber: number) {
  const mark = lastSyncLogId(h.app.db);
  await h.app.enqueueCustomer(customerNumber, 'test');
  return waitUntil(() => lastOutcome(h.app, customerNumber, mark), `customer ${customerNumber} to finish`);
}

describe.each<{ name: string; system: 'infosoft' | 'windward'; fault: ScriptedFault; reason: RegExp }>([
  { name: 'a SOAP server fault', system: 'infosoft', fault: { kind: 'server-fault', operation: 'GetCustomerInformation', times: 100 }, reason: /\[soap_fault\]/ },
  { name: 'an HTML 502 page', system: 'windward', fault: { kind: 'html502', operation: 'addCustomer', times: 100 }, reason: /\[http_502\]/ },
  { name: 'invalid JSON', system: 'windward', fault: { kind: 'malformed', operation: 'addCustomer', times: 100 }, reason: /\[malformed_response\]/ },
  { name: 'a timeout', system: 'windward', fault: { kind: 'timeout', operation: 'addCustomer', times: 100 }, reason: /\[timeout\]/ },
  { name: 'a connection reset', system: 'infosoft', fault: { kind: 'reset', operation: 'GetCustomerInformation', times: 100 }, reason: /\[connection_reset\]/ },
])('$name', ({ system, fault, reason }) => {
  it('is retried, ends as a failed job with a readable reason, and the worker goes on', async () => {
    harness = await startHarness({
      sims: { infosoftSeed: data.infosoft, windwardSeed: [] },
      config: { windward: { timeout: '300ms' }, infosoft: { timeout: '300ms' } },
    });
    const h = harness;
    // Load the WSDL before the faults start, so only the operation itself fails.
    await h.app.infosoft.getChangedCustomers(new Date(0), new Date());
    h.sims[system].setFaults({ script: [fault] });

    const failed = await syncAndWait(h, first);
    expect(failed.action).toBe('failed');
    expect(failed.reason).toMatch(reason);
    const [job] = await h.app.queues.sync.getFailed();
    expect(job?.attemptsMade).toBe(3); // every attempt used: the fault is transient
    expect(job?.failedReason).toMatch(reason);
    expect(findLink(h.app.db, first, 'bill_to', null)).toBeNull();

    // A fault that clears after one call is absorbed by a retry.
    h.sims[system].setFaults({ script: [{ ...fault, times: 1 }] });
    expect((await syncAndWait(h, second)).action).toBe('created');

    h.sims[system].setFaults({ script: [] });
    expect((await syncAndWait(h, third)).action).toBe('created');
  });
});
