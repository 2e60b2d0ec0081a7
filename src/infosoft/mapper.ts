// Infosoft wire objects ⇄ domain types. Pure functions.
import type { Address, CustomerKind, InfosoftCustomer, TitleDelivery } from '../domain/customer.js';
import type { AddressWire, CustomerInformationWire, PendingMoveWire } from './wire.js';

/** Infosoft's marker for "not a Norwegian postcode": the real one is in AddressExtension2. */
export const FOREIGN_ZIP = 'I/A';

const KIND_BY_TYPE_CODE: Record<string, CustomerKind> = { PERSN: 'person', FIRMA: 'company', FORHA: 'retailer' };

export interface TitleAnswer {
  titleCode: string;
  info: CustomerInformationWire;
}

/**
 * master: GetCustomerInformation without a title. titles: the answers per asked title code; a title
 * whose answer has no Subscription element is one the customer does not have, and is left out.
 */
export function toInfosoftCustomer(
  master: CustomerInformationWire,
  titles: readonly TitleAnswer[] = [],
  pendingMoves: readonly PendingMoveWire[] = [],
): InfosoftCustomer {
  let firstName = master.FirstName.trim();
  let lastName = master.LastName.trim();
  // Name ("LAST FIRST") is only a fallback: splitting it cannot tell multi-word names apart.
  if (firstName === '' && lastName === '') lastName = master.Name.trim();
  const phones = master.Phone
    ? [master.Phone.Telephone1, master.Phone.Telephone2, master.Phone.Telephone3, master.Phone.Telephone4]
        .map((p) => p.trim())
        .filter((p) => p !== '')
    : [];
  return {
    customerNumber: master.CustomerNumber,
    // GetCustomerInformation does not return Customer_Id.
    customerId: null,
    kind: KIND_BY_TYPE_CODE[master.CustomerTypeCode.trim().toUpperCase()] ?? 'person',
    firstName,
    lastName,
    email: master.Email.trim() === '' ? null : master.Email.trim(),
    phones,
    birthDate: master.BirthDate,
    address: master.Address ? toAddress(master.Address) : null,
    titles: titles
      .filter((t) => t.info.Subscription !== undefined)
      .map((t): TitleDelivery => ({
        titleCode: t.titleCode,
        address: t.info.Address ? toAddress(t.info.Address) : null,
        pendingMove: toPendingMove(t.titleCode, pendingMoves),
      })),
  };
}

/** The earliest registered move of the title, if any. */
function toPendingMove(titleCode: string, moves: readonly PendingMoveWire[]): TitleDelivery['pendingMove'] {
  const earliest = moves
    .filter((m) => m.TitleCode === titleCode)
    .sort((a, b) => a.StartDate.localeCompare(b.StartDate))[0];
  if (!earliest) return null;
  const address = toAddress(earliest.Address);
  return address ? { startDate: earliest.StartDate, address } : null;
}

/** null when the element carries no address at all. */
export function toAddress(wire: AddressWire): Address | null {
  const zip = wire.ZipCode.trim();
  const countryCode = wire.CountryCode.trim().toUpperCase();
  const foreign = zip.toUpperCase() === FOREIGN_ZIP;
  const extension = foreign ? splitPostcodeAndCity(wire.AddressExtension2.trim()) : null;
  const street = wire.StreetName.trim() || (foreign ? wire.AddressExtension1.trim() : '');
  // A zip code that went through a number somewhere upstream has lost its leading zeros.
  const norwegianZip = /^\d{1,3}$/.test(zip) && (countryCode === '' || countryCode === 'NO') ? zip.padStart(4, '0') : zip;
  const postalCode = extension ? extension.postalCode : norwegianZip;
  const city = extension?.city || wire.ZipText.trim();
  if (street === '' && postalCode === '' && city === '') return null;
  // Keys in the domain type's order, so serialized addresses (fingerprints) are stable.
  return {
    street,
    houseNumber: wire.HouseNumber.trim(),
    entrance: wire.Entrance.trim(),
    unit: wire.ApartmentIdentity.trim() || [wire.Floor.trim(), wire.Apartment.trim()].filter((p) => p !== '').join(' '),
    coAddress: wire.CoAddress.trim().replace(/^c\/o\s*/i, ''),
    postalCode,
    city,
    countryCode: countryCode || (!foreign && /^\d{4}$/.test(postalCode) ? 'NO' : ''),
  };
}

/**
 * "<postcode> <city>": the leading words that contain a digit are the postcode, so
 * "SW1A 1AA LONDON" and "75001 PARIS" both split right.
 */
export function splitPostcodeAndCity(line: string): { postalCode: string; city: string } {
  const words = line.split(/\s+/).filter((w) => w !== '');
  let i = 0;
  while (i < words.length && /\d/.test(words[i] ?? '')) i++;
  return { postalCode: words.slice(0, i).join(' '), city: words.slice(i).join(' ') };
}

const BOLIGNUMMER = /^[HKLU]\d{4}$/i;

/** The addressInfo of SavePermanentMove (keys in the WSDL's order: the serializer keeps key order). */
export function toAddressInfo(address: Address, customerNumber: number, titleCode: string): Record<string, unknown> {
  const countryCode = address.countryCode.trim().toUpperCase() || 'NO';
  const foreign = countryCode !== 'NO';
  const isBolignummer = BOLIGNUMMER.test(address.unit.trim());
  const streetLine = [address.street, address.houseNumber].filter((p) => p.trim() !== '').join(' ') + address.entrance;
  return {
    CustomerNumber: customerNumber,
    TitleCode: titleCode,
    StatusCode: '00',
    CoAddress: address.coAddress,
    StreetName: address.street,
    HouseNumber: address.houseNumber,
    Entrance: address.entrance,
    Floor: '',
    Apartment: isBolignummer ? '' : address.unit,
    AddressExtension1: foreign ? streetLine.trim() : '',
    AddressExtension2: foreign ? `${address.postalCode} ${address.city}`.trim() : '',
    AddressExtension3: '',
    ApartmentIdentity: isBolignummer ? address.unit.trim().toUpperCase() : '',
    ZipCode: foreign ? FOREIGN_ZIP : address.postalCode,
    ZipText: foreign ? '' : address.city,
    CountryCode: countryCode,
    UniqueAddress: false,
    NewAddress: false,
  };
}
