// The Windward client, loaded on first use. The worker's main thread hands its remote calls to the
// remote-client thread and never calls this; a static import would still keep axios and undici
// (~1.2 MB of live heap) in its heap for every mark-compact to trace.
import type { WindwardClient, WindwardClientConfig } from './client.js';

export function createLazyWindward(config: WindwardClientConfig): WindwardClient {
  let client: Promise<WindwardClient> | null = null;
  const get = (): Promise<WindwardClient> => (client ??= import('./client.js').then((m) => m.createWindwardClient(config)));
  return {
    getCustomer: async (unique) => (await get()).getCustomer(unique),
    findByEmail: async (email) => (await get()).findByEmail(email),
    listCustomers: async (pageNumber, pageSize) => (await get()).listCustomers(pageNumber, pageSize),
    addCustomer: async (draft) => (await get()).addCustomer(draft),
    updateCustomer: async (unique, draft) => (await get()).updateCustomer(unique, draft),
    async close() {
      // Nothing to release when it was never loaded (or could not be).
      const loaded = await client?.catch(() => null);
      await loaded?.close();
    },
  };
}
