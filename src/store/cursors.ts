import { eq } from 'drizzle-orm';
import type { Db } from './db.js';
import { syncCursor } from './schema.js';

export function readCursor(db: Db, name: string): string | null {
  return db.select().from(syncCursor).where(eq(syncCursor.name, name)).get()?.value ?? null;
}

export function writeCursor(db: Db, name: string, value: string, now: Date = new Date()): void {
  db.insert(syncCursor)
    .values({ name, value, updatedAt: now.toISOString() })
    .onConflictDoUpdate({ target: syncCursor.name, set: { value, updatedAt: now.toISOString() } })
    .run();
}
