// Reuses prepared statements by SQL text. drizzle prepares every query on every call, and for the
// worker's short queries preparing costs more than running (the benchmark's profile: ~5 % of the
// worker's CPU). drizzle switches statements to raw mode for some reads and never back, so a cached
// statement is handed out in the default mode again.
import type { Database, Statement } from 'better-sqlite3';

export function cacheStatements(sqlite: Database, max = 1000): void {
  const prepare = sqlite.prepare.bind(sqlite) as (source: string) => Statement<unknown[]>;
  const cache = new Map<string, Statement<unknown[]>>();
  const cached = (source: string): Statement<unknown[]> => {
    let statement = cache.get(source);
    if (statement) {
      if (statement.reader) statement.raw(false);
      return statement;
    }
    statement = prepare(source);
    if (cache.size >= max) cache.delete(cache.keys().next().value as string);
    cache.set(source, statement);
    return statement;
  };
  sqlite.prepare = cached as typeof sqlite.prepare;
}
