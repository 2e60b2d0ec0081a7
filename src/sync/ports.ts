// What the sync use cases need from the outside world. Adapters in infosoft/, windward/ and store/
// implement these; app.ts wires them. Nothing here knows about SOAP, JSON or SQL.
import type {
  CustomerNumber,
  InfosoftCustomer,
  WindwardCustomer,
  WindwardCustomerDraft,
  WindwardUnique,
} from '../domain/customer.js';

export interface InfosoftPort {
  /**
   * Master data and billing address, plus the delivery address of each given title.
   * Throws PermanentError(code 'customer_not_found') for an unknown customer number,
   * TransientError for anything worth retrying.
   */
  getCustomer(customerNumber: CustomerNumber, titleCodes: readonly string[]): Promise<InfosoftCustomer>;
  /** Customer numbers changed in [from, to) according to the installation's change feed. */
  getChangedCustomers(from: Date, to: Date): Promise<CustomerNumber[]>;
}

export interface WindwardPage {
  customers: WindwardCustomer[];
  /** False when this page was the last one. */
  hasMore: boolean;
}

export interface WindwardPort {
  /** null when no customer has that Unique. */
  getCustomer(unique: WindwardUnique): Promise<WindwardCustomer | null>;
  findByEmail(email: string): Promise<WindwardCustomer[]>;
  /** One page of the full listing (PageNumber starts at 1). */
  listCustomers(pageNumber: number, pageSize: number): Promise<WindwardPage>;
  addCustomer(draft: WindwardCustomerDraft): Promise<WindwardCustomer>;
  updateCustomer(unique: WindwardUnique, draft: WindwardCustomerDraft): Promise<WindwardCustomer>;
}
