// Windward holds exactly one address per customer as free-text lines; this is their shape
// on our side of the adapter (no Windward field names, so the address module stays pure).
export interface AddressLines {
  addr1: string;
  addr2: string;
  city: string;
  postal: string;
  state: string;
  country: string;
}

/** How the Country line is written: ISO code ("NO") or English name ("Norway"). */
export type CountryStyle = 'code' | 'name';
