// Every WebAPI path the client uses, in one place. Only the listing is documented in the vendor's
// public pages; the others come from samples, so an installation may override any of them.
// Placeholders: {unique} (a CustomerUnique, 0 = all) and {email} (URL-encoded by the client).

export interface WindwardPaths {
  /** GET; query PageSize, PageNumber, Fields. */
  customers: string;
  /** GET; DataSnap result wrapper. */
  customerByEmail: string;
  /** POST {"Customers":[...], "ConnectionInfo":{...}}. */
  addCustomer: string;
  /** POST, same envelope; Unique identifies the record. */
  updateCustomer: string;
}

export const DEFAULT_WINDWARD_PATHS: Readonly<WindwardPaths> = Object.freeze({
  customers: 'Customer/Customers/{unique}',
  customerByEmail: 'TServerMethodsWebAPI/Get_Customer_By_Email/{email}',
  addCustomer: 'Customer/addCustomer',
  updateCustomer: 'Customer/update_Retail_Customer',
});

/** Substitutes {name} placeholders with URL-encoded values; the path stays relative to the base URL. */
export function toRequestPath(template: string, values: Readonly<Record<string, string | number>>): string {
  const filled = template.replace(/\{(\w+)\}/gu, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : encodeURIComponent(String(value));
  });
  return filled.replace(/^\/+/u, '');
}
