// Infosoft SOAP client: implements InfosoftPort plus the writes two-way sync needs.
// Wire shapes stay in this folder; callers see domain types and SyncErrors only.
import { basicAuthorization } from '../http/basic-auth.js';
import soap from 'soap';
import type { Address, CustomerNumber, InfosoftCustomer } from '../domain/customer.js';
import { PermanentError } from '../errors.js';
import type { InfosoftPort } from '../sync/ports.js';
import { toInvalidResponseError, toInfosoftError, toStatusError, type CallContext } from './errors.js';
import { createFastTransport, FAST_OPERATIONS, readSoapBody, type RawResponse } from './fast-soap.js';
import { toAddress, toAddressInfo, toInfosoftCustomer, type TitleAnswer } from './mapper.js';
import {
  customerInformationWire,
  getChangedCustomersResponse,
  getCustomerInformationResponse,
  getPendingMovesResponse,
  savePermanentMoveResponse,
  statusWire,
  updateCustomerDetailsResponse,
  type CustomerInformationWire,
  type PendingMoveWire,
} from './wire.js';

export interface InfosoftClientConfig {
  /** The service endpoint; the WSDL is read from `${url}?wsdl`. */
  url: string;
  username?: string;
  password?: string;
  /** Per call, including the WSDL download. */
  timeoutMs: number;
  /**
   * Connections for the hot reads at most (keep-alive, reused). A sync makes up to 1 + titles calls
   * at once, so the worker sizes this to concurrency × (titles + 1): fewer would queue its own calls.
   */
  maxConnections?: number;
}

export interface CustomerDetailsUpdate {
  firstName: string;
  lastName: string;
  /** null clears the phone. */
  phone: string | null;
  email: string | null;
  /** YYYY-MM-DD or null. */
  birthDate: string | null;
}

export interface CustomerDetailsResult {
  customerId: number;
  concurrencyToken: string;
  lastChangedDate: string | null;
}

export interface PendingMove {
  titleCode: string;
  startDate: string;
  address: Address;
}

export interface InfosoftClient extends InfosoftPort {
  updateCustomerDetails(
    customerNumber: CustomerNumber,
    details: CustomerDetailsUpdate,
    signature: string,
    concurrencyToken?: string,
  ): Promise<CustomerDetailsResult>;
  /** startDate YYYY-MM-DD; Infosoft refuses dates before the next distribution date (PermanentError status_*). */
  savePermanentMove(
    customerNumber: CustomerNumber,
    titleCode: string,
    address: Address,
    startDate: string,
    signature: string,
  ): Promise<void>;
  getPendingMoves(customerNumber: CustomerNumber): Promise<PendingMove[]>;
}

// Keep dates as the text Infosoft sent: the soap package would make local-time Date objects of them.
const KEEP_DATES_AS_TEXT = { date: (text: string) => text, dateTime: (text: string) => text };
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export async function createInfosoftClient(config: InfosoftClientConfig): Promise<InfosoftClient> {
  const auth =
    config.username !== undefined && config.username !== ''
      ? { Authorization: basicAuthorization(config.username, config.password ?? '') }
      : undefined;
  let client: soap.Client;
  try {
    client = await soap.createClientAsync(`${config.url}?wsdl`, {
      endpoint: config.url,
      customDeserializer: KEEP_DATES_AS_TEXT,
      handleNilAsNull: true,
      // A cached WSDL object must not outlive a restarted server.
      disableCache: true,
      wsdl_options: { timeout: config.timeoutMs },
      ...(auth ? { wsdl_headers: auth } : {}),
    });
  } catch (error) {
    throw toInfosoftError(error, { operation: 'WSDL download' });
  }
  if (auth) client.setSecurity(new soap.BasicAuthSecurity(config.username ?? '', config.password ?? ''));
  const transport = createFastTransport(config.url, auth?.Authorization, config.maxConnections);

  /**
   * The two reads every sync makes, without the soap package's per-call cost: same request bytes,
   * answers read by fast-soap.ts; anything unusual is parsed and classified the soap package's way.
   */
  async function fastCall(operation: keyof typeof FAST_OPERATIONS, body: string, ctx: CallContext): Promise<unknown> {
    const spec = FAST_OPERATIONS[operation];
    let response: RawResponse;
    try {
      response = await transport.post(body, spec.soapAction, config.timeoutMs);
    } catch (error) {
      throw toInfosoftError(error, ctx);
    }
    const wsdl = (client as unknown as { wsdl: { xmlToObject(xml: string): unknown } }).wsdl;
    const axiosLike = { status: response.status, headers: response.headers, data: response.body };
    if (response.status < 200 || response.status >= 300) {
      // As the soap package reports it: axios' status error, with the parsed fault (if any) as root.
      const error = Object.assign(new Error(`Request failed with status code ${response.status}`), { response: axiosLike });
      try {
        wsdl.xmlToObject(response.body);
      } catch (parseError) {
        Object.assign(error, { root: (parseError as { root?: unknown }).root ?? parseError });
      }
      throw toInfosoftError(error, ctx);
    }
    const fast = readSoapBody(response.body, spec.responseElement);
    if (fast) return fast;
    let parsed: unknown;
    try {
      parsed = wsdl.xmlToObject(response.body);
    } catch (error) {
      throw toInfosoftError(Object.assign(error as object, { response: axiosLike, body: response.body }), ctx);
    }
    const envelope = parsed as { Body?: unknown } | null;
    if (typeof envelope?.Body !== 'object' || envelope.Body === null) {
      throw toInfosoftError(Object.assign(new Error('Cannot parse response'), { response: axiosLike, body: response.body }), ctx);
    }
    const content = envelope.Body as Record<string, unknown>;
    return content[spec.responseElement] ?? content[spec.responseElement.replace(/Response$/, '')];
  }

  async function call(operation: string, args: Record<string, unknown>, ctx: CallContext): Promise<unknown> {
    const method: unknown = (client as unknown as Record<string, unknown>)[`${operation}Async`];
    if (typeof method !== 'function') {
      throw new PermanentError(`Infosoft WSDL has no operation ${operation}`, { code: 'wsdl_mismatch' });
    }
    try {
      const answer: unknown = await method.call(client, args, {
        timeout: config.timeoutMs,
        // axios' timeout is an idle timeout; the signal also ends answers that trickle in forever.
        signal: AbortSignal.timeout(config.timeoutMs),
      });
      return Array.isArray(answer) ? answer[0] : undefined;
    } catch (error) {
      throw toInfosoftError(error, ctx);
    }
  }

  async function getCustomerInformation(customerNumber: number, titleCode: string | null): Promise<CustomerInformationWire> {
    const ctx = { operation: 'GetCustomerInformation', customerNumber };
    const body = FAST_OPERATIONS.GetCustomerInformation.envelope(titleCode === null ? { customerNumber } : { customerNumber, titleCode });
    const answer = getCustomerInformationResponse.safeParse(await fastCall('GetCustomerInformation', body, ctx));
    const result = answer.success ? answer.data.GetCustomerInformationResult : undefined;
    if (typeof result !== 'object' || result === null) {
      throw toInvalidResponseError([{ path: [], message: 'missing' }], ctx, 'GetCustomerInformationResult');
    }
    checkStatus(statusWire.parse(result).StatusCode, ctx, 'GetCustomerInformationResult');
    const info = customerInformationWire.safeParse(result);
    if (!info.success) throw toInvalidResponseError(info.error.issues, ctx, 'GetCustomerInformationResult');
    if (info.data.CustomerNumber !== customerNumber) {
      // Never let an answer about someone else through: that is how wrong links are made.
      throw toInvalidResponseError([{ path: ['CustomerNumber'], message: 'does not match the request' }], ctx, 'GetCustomerInformationResult');
    }
    return info.data;
  }

  async function getPendingMovesWire(customerNumber: number): Promise<PendingMoveWire[]> {
    const ctx = { operation: 'GetPendingMoves', customerNumber };
    const body = FAST_OPERATIONS.GetPendingMoves.envelope({ CustomerNumber: customerNumber });
    const answer = getPendingMovesResponse.safeParse((await fastCall('GetPendingMoves', body, ctx)) ?? {});
    if (!answer.success) throw toInvalidResponseError(answer.error.issues, ctx, 'GetPendingMovesResponse');
    return answer.data.PendingMoves.PendingMove;
  }

  return {
    async getCustomer(customerNumber, titleCodes, options = {}): Promise<InfosoftCustomer> {
      const codes = [...new Set(titleCodes.map((t) => t.trim()).filter((t) => t !== ''))];
      const readTitlesAndMoves = () =>
        Promise.all([
          Promise.all(codes.map(async (titleCode): Promise<TitleAnswer> => ({ titleCode, info: await getCustomerInformation(customerNumber, titleCode) }))),
          getPendingMovesWire(customerNumber),
        ]);
      // Master data first, unless the caller knows the customer exists: an unknown customer then
      // costs one call, which keeps sweeps cheap.
      const early = options.knownToExist && codes.length > 0 ? readTitlesAndMoves() : null;
      // The master data's error is the one reported; the others are then of no interest.
      early?.catch(() => undefined);
      const master = await getCustomerInformation(customerNumber, null);
      if (codes.length === 0) return toInfosoftCustomer(master);
      options.onMasterData?.(toInfosoftCustomer(master));
      const [titles, moves] = await (early ?? readTitlesAndMoves());
      return toInfosoftCustomer(master, titles, moves);
    },

    async getChangedCustomers(from, to) {
      const ctx = { operation: 'GetChangedCustomers' };
      const raw = await call('GetChangedCustomers', { FromDate: from.toISOString(), ToDate: to.toISOString() }, ctx);
      const answer = getChangedCustomersResponse.safeParse(raw ?? {});
      if (!answer.success) throw toInvalidResponseError(answer.error.issues, ctx, 'GetChangedCustomersResponse');
      return [...new Set(answer.data.CustomerNumbers.CustomerNumber)];
    },

    async getPendingMoves(customerNumber) {
      const moves = await getPendingMovesWire(customerNumber);
      return moves.flatMap((m) => {
        const address = toAddress(m.Address);
        return address ? [{ titleCode: m.TitleCode, startDate: m.StartDate, address }] : [];
      });
    },

    async updateCustomerDetails(customerNumber, details, signature, concurrencyToken) {
      const ctx = { operation: 'UpdateCustomerDetails', customerNumber };
      if (details.birthDate !== null && !ISO_DAY.test(details.birthDate)) {
        throw new PermanentError(`${ctx.operation} for customer ${customerNumber}: birth date is not YYYY-MM-DD`, { code: 'invalid_request' });
      }
      const args = {
        CustomerNumber: customerNumber,
        CustomerDetails: {
          FirstName: details.firstName,
          LastName: details.lastName,
          Telephone1: details.phone,
          EMailAddress: details.email,
          BirthDate: details.birthDate,
        },
        Signature: signature,
        ...(concurrencyToken ? { ConcurrencyToken: concurrencyToken } : {}),
      };
      const answer = updateCustomerDetailsResponse.safeParse(await call('UpdateCustomerDetails', args, ctx));
      if (!answer.success) throw toInvalidResponseError(answer.error.issues, ctx, 'UpdateCustomerDetailsResponse');
      const c = answer.data.Customer;
      return { customerId: c.Customer_Id, concurrencyToken: c.ConcurrencyToken, lastChangedDate: c.LastChangedDate };
    },

    async savePermanentMove(customerNumber, titleCode, address, startDate, signature) {
      const ctx = { operation: 'SavePermanentMove', customerNumber };
      if (!ISO_DAY.test(startDate)) {
        throw new PermanentError(`${ctx.operation} for customer ${customerNumber}: start date is not YYYY-MM-DD`, { code: 'invalid_request' });
      }
      const args = {
        customerNumber,
        titleCode,
        addressInfo: toAddressInfo(address, customerNumber, titleCode),
        startDate,
        signature,
      };
      const answer = savePermanentMoveResponse.safeParse(await call('SavePermanentMove', args, ctx));
      if (!answer.success) throw toInvalidResponseError(answer.error.issues, ctx, 'SavePermanentMoveResponse');
      const result = answer.data.SavePermanentMoveResult;
      checkStatus(result.StatusCode, ctx, 'SavePermanentMoveResult', result.StatusMessage);
    },
  };
}

function checkStatus(statusCode: string, ctx: CallContext, root: string, statusMessage = ''): void {
  const code = statusCode.trim();
  if (code === '') throw toInvalidResponseError([{ path: ['StatusCode'], message: 'missing' }], ctx, root);
  if (code !== '00') throw toStatusError(code, ctx, statusMessage);
}
