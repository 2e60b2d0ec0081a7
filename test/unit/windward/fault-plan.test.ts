import { describe, expect, it } from 'vitest';
import { createFaultPlan } from '../../../src/simulators/windward/fault-plan.js';

describe('simulator fault plan', () => {
  it('plays scripted faults in order, honouring operation and times', () => {
    const plan = createFaultPlan({
      script: [
        { kind: 'html502', operation: 'addCustomer', times: 2 },
        { kind: 'reset' },
      ],
    });
    expect(plan.decide('Customers', false)).toBe('reset');
    expect(plan.decide('Customers', false)).toBeNull();
    expect(plan.decide('addCustomer', true)).toBe('html502');
    expect(plan.decide('addCustomer', true)).toBe('html502');
    expect(plan.decide('addCustomer', true)).toBeNull();
  });

  it('applies lost-response only to writes', () => {
    const plan = createFaultPlan({ script: [{ kind: 'lost-response' }] });
    expect(plan.decide('Get_Customer_By_Email', false)).toBeNull();
    expect(plan.decide('update_Retail_Customer', true)).toBe('lost-response');
  });

  it('draws random faults from the rate, never lost-response', () => {
    const draws = [0.1, 0.99];
    const plan = createFaultPlan({ faultRate: 0.5 }, () => draws.shift() ?? 0);
    expect(plan.decide('addCustomer', true)).toBe('malformed');
  });

  it('draws lost responses for writes only', () => {
    const plan = createFaultPlan({ lostResponseRate: 1 }, () => 0);
    expect(plan.decide('Customers', false)).toBeNull();
    expect(plan.decide('addCustomer', true)).toBe('lost-response');
  });

  it('reset clears script and rates', () => {
    const plan = createFaultPlan({ faultRate: 1, script: [{ kind: 'timeout' }] }, () => 0);
    plan.reset();
    expect(plan.decide('Customers', false)).toBeNull();
    expect(plan.settings()).toEqual({ latencyMs: 0, faultRate: 0, lostResponseRate: 0, script: [] });
  });
});
