// The SOAP operations of the simulator, as the soap package's service object.
// Arguments arrive as the soap package parsed them (untyped); everything is checked here.
import { addDays, parseIsoDay, toIsoDay } from './dates.js';
import type { InfosoftSeedAddress } from './seed-record.js';
import type { CustomerDetailsChange, CustomerStore } from './store.js';
import {
  fromAddressInfo,
  toCustomerContractXml,
  toCustomerInformation,
  toPendingMove,
} from './responses.js';

export const NOT_FOUND_MESSAGE = 'Unable to find customer with the given customernumber';

/** SavePermanentMove status codes of the simulator (Infosoft's own list is not public). */
export const MOVE_STATUS = {
  ok: '00',
  invalidRequest: '10',
  beforeNextDistribution: '20',
  noSubscription: '30',
} as const;

type Args = Record<string, unknown>;
type Operation = (args: unknown) => unknown;

export function createInfosoftService(store: CustomerStore, now: () => Date) {
  const today = () => toIsoDay(now());

  function requireCustomer(value: unknown) {
    const n = typeof value === 'number' ? value : Number(value);
    const customer = Number.isInteger(n) ? store.get(n) : undefined;
    if (!customer) throw soapFault('soap:Client', NOT_FOUND_MESSAGE);
    return customer;
  }

  /** The address a title is delivered to today: an arrived move wins over the title's own address. */
  function resolveDelivery(customerNumber: number, titleCode: string) {
    const customer = store.get(customerNumber);
    const title = customer?.record.Titles?.find((t) => t.TitleCode === titleCode) ?? null;
    const move = store.getMove(customerNumber, titleCode);
    let address: InfosoftSeedAddress | undefined = title?.Address ?? customer?.record.Address;
    if (title && move && move.startDate <= today()) address = move.address;
    return { title, address };
  }

  const operations: Record<string, Operation> = {
    GetCustomerInformation(raw) {
      const args = asArgs(raw);
      const customer = requireCustomer(args.customerNumber);
      const titleCode = typeof args.titleCode === 'string' ? args.titleCode.trim() : '';
      if (titleCode === '') return { GetCustomerInformationResult: toCustomerInformation(customer, null) };
      // Asked for a title the customer does not subscribe to: answer master data with the customer's
      // own address and no Subscription element, so callers can tell "no such title".
      const { title, address } = resolveDelivery(customer.record.CustomerNumber, titleCode);
      return {
        GetCustomerInformationResult: toCustomerInformation(customer, {
          titleCode,
          title,
          address: address ?? customer.record.Address,
        }),
      };
    },

    UpdateCustomerDetails(raw) {
      const args = asArgs(raw);
      const customer = requireCustomer(args.CustomerNumber);
      const token = args.ConcurrencyToken;
      if (typeof token === 'string' && token !== '' && token !== customer.concurrencyToken) {
        throw soapFault('soap:Client', 'Concurrency conflict: the customer was changed by someone else (stale ConcurrencyToken)');
      }
      const change = toDetailsChange(asArgs(args.CustomerDetails));
      const signature = typeof args.Signature === 'string' && args.Signature !== '' ? args.Signature : 'WEB';
      const updated = store.updateDetails(customer.record.CustomerNumber, change, signature);
      return { $xml: toCustomerContractXml(updated) };
    },

    SavePermanentMove(raw) {
      const args = asArgs(raw);
      const customer = requireCustomer(args.customerNumber);
      const titleCode = typeof args.titleCode === 'string' ? args.titleCode.trim() : '';
      const startDate = parseIsoDay(args.startDate);
      const info = asArgs(args.addressInfo);
      if (titleCode === '' || startDate === null || Object.keys(info).length === 0) {
        return moveResult(MOVE_STATUS.invalidRequest, 'titleCode, startDate (YYYY-MM-DD) and addressInfo are required');
      }
      if (!customer.record.Titles?.some((t) => t.TitleCode === titleCode)) {
        return moveResult(MOVE_STATUS.noSubscription, `Customer has no subscription for title ${titleCode}`);
      }
      // The paper may already be out today, so a move can start on the next distribution day at the earliest.
      const nextDistribution = addDays(today(), 1);
      if (startDate < nextDistribution) {
        return moveResult(
          MOVE_STATUS.beforeNextDistribution,
          `Start date ${startDate} is before the next distribution date ${nextDistribution}`,
        );
      }
      store.recordMove({
        customerNumber: customer.record.CustomerNumber,
        titleCode,
        startDate,
        address: fromAddressInfo(info),
        signature: typeof args.signature === 'string' && args.signature !== '' ? args.signature : 'WEB',
        recordedAt: now().toISOString(),
      });
      return moveResult(MOVE_STATUS.ok, '');
    },

    GetChangedCustomers(raw) {
      const args = asArgs(raw);
      const from = Date.parse(String(args.FromDate ?? ''));
      const to = Date.parse(String(args.ToDate ?? ''));
      if (Number.isNaN(from) || Number.isNaN(to)) throw soapFault('soap:Client', 'FromDate and ToDate must be dateTime values');
      const numbers = store.listChanged(from, to).sort((a, b) => a - b);
      return { CustomerNumbers: { CustomerNumber: numbers } };
    },

    GetPendingMoves(raw) {
      const args = asArgs(raw);
      const customer = requireCustomer(args.CustomerNumber);
      const day = today();
      const pending = store
        .listMoves(customer.record.CustomerNumber)
        .filter((m) => m.startDate > day)
        .map(toPendingMove);
      return { PendingMoves: { PendingMove: pending } };
    },
  };

  return { CustomerService: { CustomerServiceSoap: operations } };
}

export function soapFault(faultcode: string, faultstring: string) {
  return { Fault: { faultcode, faultstring, statusCode: 500 } };
}

function moveResult(code: string, message: string) {
  return { SavePermanentMoveResult: { StatusCode: code, StatusMessage: message } };
}

function asArgs(value: unknown): Args {
  return typeof value === 'object' && value !== null ? (value as Args) : {};
}

/** Absent = unchanged; present (even empty or nil) = set, so a client can clear a field. */
function toDetailsChange(details: Args): CustomerDetailsChange {
  const text = (name: string): string | undefined => {
    if (!(name in details)) return undefined;
    const v = details[name];
    if (v === null || typeof v === 'object') return '';
    return String(v);
  };
  const change: CustomerDetailsChange = {};
  const firstName = text('FirstName');
  const lastName = text('LastName');
  const phone = text('Telephone1');
  const email = text('EMailAddress');
  if (firstName !== undefined) change.FirstName = firstName;
  if (lastName !== undefined) change.LastName = lastName;
  if (phone !== undefined) change.Telephone1 = phone;
  if (email !== undefined) change.Email = email;
  if ('BirthDate' in details) change.BirthDate = parseIsoDay(details.BirthDate);
  return change;
}
