import { and, eq } from 'drizzle-orm';
import type { CustomerNumber } from '../domain/customer.js';
import type { Db } from './db.js';
import { preparedPerDatabase } from './prepared.js';
import { plannedMove } from './schema.js';

const statements = preparedPerDatabase((sqlite) => ({
  ofCustomer: sqlite.prepare<[number], PlannedMove>(
    'select customer_number as customerNumber, title_code as titleCode, start_date as startDate, job_id as jobId from planned_move where customer_number = ?',
  ),
}));

export interface PlannedMove {
  customerNumber: CustomerNumber;
  titleCode: string;
  startDate: string;
  jobId: string;
}

export function listPlannedMoves(db: Db, customerNumber: CustomerNumber): PlannedMove[] {
  return statements(db).ofCustomer.all(customerNumber);
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
