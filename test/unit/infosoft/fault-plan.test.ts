import { describe, expect, it } from 'vitest';
import { createFaultPlan } from '../../../src/simulators/infosoft/fault-plan.js';

describe('fault plan', () => {
  it('serves scripted faults in order, honouring operation and times', () => {
    const plan = createFaultPlan({
      script: [
        { kind: 'html502', operation: 'GetChangedCustomers' },
        { kind: 'reset', times: 2 },
        { kind: 'timeout' },
      ],
    });
    const seen = ['GetCustomerInformation', 'GetChangedCustomers', 'GetCustomerInformation', 'GetCustomerInformation', 'GetCustomerInformation'].map(
      (op) => plan.next(op),
    );
    expect(seen).toEqual(['reset', 'html502', 'reset', 'timeout', null]);
    expect(plan.settings().script).toEqual([]);
  });

  it('keeps lost-response for writes only', () => {
    const plan = createFaultPlan({ script: [{ kind: 'lost-response' }] });
    expect(plan.next('GetCustomerInformation')).toBeNull();
    expect(plan.next('UpdateCustomerDetails')).toBe('lost-response');
    expect(plan.next('UpdateCustomerDetails')).toBeNull();
  });

  it('draws random faults at faultRate and lost responses at lostResponseRate', () => {
    const always = createFaultPlan({ faultRate: 1 }, () => 0);
    expect(always.next('GetCustomerInformation')).toBe('server-fault');
    const lost = createFaultPlan({ lostResponseRate: 1 }, () => 0);
    expect(lost.next('GetCustomerInformation')).toBeNull();
    expect(lost.next('SavePermanentMove')).toBe('lost-response');
    const never = createFaultPlan({ faultRate: 0.5, lostResponseRate: 0.5 }, () => 0.99);
    expect(never.next('UpdateCustomerDetails')).toBeNull();
  });

  it('merges updates and resets', () => {
    const plan = createFaultPlan({ latencyMs: 5, script: [{ kind: 'reset' }] });
    plan.update({ faultRate: 0.1 });
    expect(plan.settings()).toMatchObject({ latencyMs: 5, faultRate: 0.1, script: [{ kind: 'reset', times: 1 }] });
    plan.reset();
    expect(plan.settings()).toEqual({ latencyMs: 0, faultRate: 0, lostResponseRate: 0, script: [] });
  });
});
