import { describe, expect, it } from 'vitest';
import { splitThreadCpu } from '../../bench/sim-process.js';

const PID = 100;
const map = (entries: Array<[number, number]>) => new Map(entries);

describe('splitThreadCpu (bench: how the worker CPU splits between its threads)', () => {
  it.each([
    {
      name: 'main, the busiest other thread as the client thread, the rest as helpers',
      before: map([[PID, 1000], [101, 10], [102, 20], [110, 500]]),
      after: map([[PID, 1500], [101, 110], [102, 120], [110, 800]]),
      expected: { main: 0.5, clientThread: 0.3, helpers: 0.2 },
    },
    {
      name: 'a thread started between the reads counts from zero',
      before: map([[PID, 0]]),
      after: map([[PID, 600], [120, 300], [121, 100]]),
      expected: { main: 0.6, clientThread: 0.3, helpers: 0.1 },
    },
    {
      name: 'a thread that ended between the reads drops out',
      before: map([[PID, 100], [130, 900]]),
      after: map([[PID, 400], [131, 100]]),
      expected: { main: 0.75, clientThread: 0.25, helpers: 0 },
    },
    {
      name: 'one thread only',
      before: map([[PID, 0]]),
      after: map([[PID, 200]]),
      expected: { main: 1, clientThread: 0, helpers: 0 },
    },
  ])('$name', ({ before, after, expected }) => {
    const split = splitThreadCpu(PID, before, after);
    expect(split).not.toBeNull();
    expect(split?.main).toBeCloseTo(expected.main, 10);
    expect(split?.clientThread).toBeCloseTo(expected.clientThread, 10);
    expect(split?.helpers).toBeCloseTo(expected.helpers, 10);
  });

  it('is null when no CPU was used', () => {
    expect(splitThreadCpu(PID, map([[PID, 5]]), map([[PID, 5]]))).toBeNull();
  });
});
