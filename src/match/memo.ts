// Normalizing a field is pure, and a sync normalizes the same values more than once: the incoming
// Infosoft record, then the Windward record it became, filed in the mirror; in the worker, each costs
// ~5 times what it does in a tight loop (cold caches, GC). Bounded: a full cache starts over, which is
// cheaper than LRU bookkeeping, and the values of the customers in flight come back at once.

/**
 * A bounded memo: `memo(key, compute)` returns the value remembered under `key`, or computes and
 * remembers it. Results are shared: callers must not mutate them.
 */
export function boundedMemo<V>(size: number): (key: string, compute: () => V) => V {
  const cache = new Map<string, V>();
  return (key, compute) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = compute();
      if (cache.size >= size) cache.clear();
      cache.set(key, value);
    }
    return value;
  };
}
