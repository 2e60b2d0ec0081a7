// One line of an Infosoft simulator seed file (JSON Lines), in Infosoft's own field names (DESIGN §5.3).

export interface InfosoftSeedAddress {
  StreetName: string;
  HouseNumber: string;
  Entrance?: string;
  Floor?: string;
  Apartment?: string;
  /** Bolignummer such as H0101. */
  ApartmentIdentity?: string;
  CoAddress?: string;
  /** 4-digit string for Norway; "I/A" for foreign addresses (real postcode in AddressExtension2). */
  ZipCode: string;
  ZipText: string;
  CountryCode?: string;
  AddressExtension1?: string;
  AddressExtension2?: string;
  AddressExtension3?: string;
}

export interface InfosoftSeedTitle {
  TitleCode: string;
  /** Delivery address for this title; absent = delivered to the customer's own address. */
  Address?: InfosoftSeedAddress;
  StartDate?: string;
}

export interface InfosoftSeedRecord {
  CustomerNumber: number;
  FirstName: string;
  LastName: string;
  /** PERSN (default), FIRMA, FORHA. */
  CustomerTypeCode?: string;
  Email?: string;
  Telephone1?: string;
  Telephone2?: string;
  Telephone3?: string;
  /** YYYY-MM-DD */
  BirthDate?: string;
  Address: InfosoftSeedAddress;
  Titles?: InfosoftSeedTitle[];
}
