import type { Config } from '../config.js';
import { describeError, TransientError } from '../errors.js';
import type { InfosoftPort } from '../sync/ports.js';
import type { InfosoftClient } from './client.js';

/**
 * The Infosoft client is built from the remote WSDL. Creating it lazily (and again after a
 * failure) keeps the worker up while Infosoft is down: jobs fail transiently and retry.
 */
export function createLazyInfosoft(config: Config['infosoft'], options: { maxConnections?: number } = {}): InfosoftPort {
  let client: Promise<InfosoftClient> | null = null;
  const get = async (): Promise<InfosoftClient> => {
    // Loaded here, not imported above: the worker's main thread hands its calls to the remote-client
    // thread and never gets here, and the soap package with its XML libraries and axios would
    // otherwise stay in its heap (~7 MB live, traced by every mark-compact).
    client ??= import('./client.js').then(({ createInfosoftClient }) =>
      createInfosoftClient({
        url: config.url,
        username: config.username,
        password: config.password,
        timeoutMs: config.timeout,
        ...(options.maxConnections === undefined ? {} : { maxConnections: options.maxConnections }),
      }),
    );
    try {
      return await client;
    } catch (error) {
      client = null;
      if (error instanceof TransientError) throw error;
      throw new TransientError(`cannot load the Infosoft WSDL: ${describeError(error)}`, { code: 'infosoft_unavailable', cause: error });
    }
  };
  return {
    getCustomer: async (customerNumber, titleCodes, options) => (await get()).getCustomer(customerNumber, titleCodes, options),
    getChangedCustomers: async (from, to) => (await get()).getChangedCustomers(from, to),
    updateCustomerDetails: async (customerNumber, details, signature) => (await get()).updateCustomerDetails(customerNumber, details, signature),
    savePermanentMove: async (customerNumber, titleCode, address, startDate, signature) =>
      (await get()).savePermanentMove(customerNumber, titleCode, address, startDate, signature),
  };
}
