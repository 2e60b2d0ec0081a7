import type { App } from '../../app.js';
import { listAllLinks, listLinksOfCustomer, type CustomerLink } from '../../store/links.js';
import { listSyncLogOfCustomer } from '../../store/sync-log.js';
import { CliError, printJson } from '../context.js';

function toExport(link: CustomerLink) {
  return {
    customerNumber: link.customerNumber,
    customerId: link.customerId,
    role: link.role,
    titleCode: link.titleCode,
    windwardUnique: link.windwardUnique,
    active: link.active,
    updatedAt: link.updatedAt,
  };
}

export async function runLinksShow(app: App, customerNumber: number, options: { json?: boolean }): Promise<number> {
  const links = listLinksOfCustomer(app.db, customerNumber);
  const history = listSyncLogOfCustomer(app.db, customerNumber, 10);
  if (links.length === 0 && history.length === 0) throw new CliError(`customer ${customerNumber} has no links and no sync history`);
  if (options.json) {
    printJson({ links: links.map(toExport), history });
    return 0;
  }
  for (const link of links) {
    process.stdout.write(
      `${link.role}${link.titleCode ? ` (${link.titleCode})` : ''} → Windward ${link.windwardUnique}${link.active ? '' : ' [inactive]'}  updated ${link.updatedAt}\n`,
    );
  }
  if (history.length > 0) process.stdout.write('recent decisions:\n');
  for (const entry of history) process.stdout.write(`  ${entry.at}  ${entry.action.padEnd(9)} ${entry.reason}\n`);
  return 0;
}

export async function runLinksExport(app: App, options: { json?: boolean }): Promise<number> {
  const links = listAllLinks(app.db).map(toExport);
  if (options.json) {
    printJson(links);
    return 0;
  }
  process.stdout.write('customerNumber,customerId,role,titleCode,windwardUnique,active\n');
  for (const l of links) {
    process.stdout.write(`${l.customerNumber},${l.customerId ?? ''},${l.role},${l.titleCode ?? ''},${l.windwardUnique},${l.active}\n`);
  }
  return 0;
}
