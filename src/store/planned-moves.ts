import { and, eq } from 'drizzle-orm';
import type { CustomerNumber } from '../domain/customer.js';
import type { Db } from './db.js';
import { plannedMove } from './schema.js';

export interface PlannedMove {
  customerNumber: CustomerNumber;
  titleCode: string;
  startDate: string;
  jobId: string;
}

export function listPlannedMoves(db: Db, customerNumber: CustomerNumber): PlannedMove[] {
  return db
    .select({ customerNumber: plannedMove.customerNumber, titleCode: plannedMove.titleCode, startDate: plannedMove.startDate, jobId: plannedMove.jobId })
    .from(plannedMove)
    .where(eq(plannedMove.customerNumber, customerNumber))
    .all();
}

export function savePlannedMove(db: Db, move: PlannedMove, now: Date = new Date()): void {
  const values = { ...move, plannedAt: now.toISOString() };
  db.insert(plannedMove)
    .values(values)
    .onConflictDoUpdate({ target: [plannedMove.customerNumber, plannedMove.titleCode], set: { startDate: move.startDate, jobId: move.jobId, plannedAt: values.plannedAt } })
    .run();
}

export function deletePlannedMove(db: Db, customerNumber: CustomerNumber, titleCode: string): void {
  db.delete(plannedMove).where(and(eq(plannedMove.customerNumber, customerNumber), eq(plannedMove.titleCode, titleCode))).run();
}
