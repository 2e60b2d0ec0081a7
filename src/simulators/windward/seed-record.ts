// One line of a Windward simulator seed file (JSON Lines): the vendor's customer JSON (DESIGN §5.3).
// Only the fields the simulator interprets are typed; any other field of the seed's customer JSON
// is stored and returned as given.

export interface WindwardSeedRecord {
  Unique?: number;
  Name?: string;
  FirstName?: string;
  LastName?: string;
  Addr1?: string;
  Addr2?: string;
  City?: string;
  Postal?: string;
  State?: string;
  Country?: string;
  Phone1?: string;
  Phone2?: string;
  Phone3?: string;
  Email?: string;
  Number?: string;
  ShipNo?: number;
  [field: string]: unknown;
}
