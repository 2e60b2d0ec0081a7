// Normalizing a field is pure, and a sync normalizes the same values more than once: the incoming
// Infosoft record, then the Windward record it became, filed in the mirror; in the worker, each costs
// ~5 times what it does in a tight loop (cold caches, GC). Bounded: a full cache starts over, which is
// cheaper than LRU bookkeeping, and the values of the customers in flight come back at once.

/** A memo of `compute(key)` for string keys. Results are shared: callers must not mutate them. */
export function memoizeByKey<V>(size: number, compute: (key: string) => V): (key: string) => V {
  const cache = new Map<string, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = compute(key);
      if (cache.size >= size) cache.clear();
      cache.set(key, value);
    }
    return value;
  };
}
