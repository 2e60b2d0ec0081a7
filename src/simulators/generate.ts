// Deterministic test data for the simulators: Norwegian customers in Infosoft, a share of them
// already present in Windward under a slightly different spelling, some with a separate delivery
// address for a second title. Same seed → same data.
import { createPrng } from '../evaluation/prng.js';
import { isSurnameVariety, MAX_SURNAME_VARIETY, SURNAME_PREFIXES } from './surname-variety.js';
import type { InfosoftSeedAddress, InfosoftSeedRecord } from './infosoft/seed-record.js';
import type { WindwardSeedRecord } from './windward/seed-record.js';

const FIRST_NAMES = [
  'Åse', 'Øystein', 'Kari', 'Ola', 'Bjørn', 'Solveig', 'Håkon', 'Ingrid', 'Per', 'Sigrid', 'Jørgen', 'Ragnhild',
  'Kristian', 'Marit', 'Lars', 'Tone', 'Ærling', 'Liv', 'Nils', 'Gro', 'Even', 'Siri', 'Tor', 'Hege', 'Arne',
  'Mette', 'Geir', 'Hanne', 'Knut', 'Berit', 'Stian', 'Camilla', 'Thomas', 'Nora', 'Magnus', 'Sofie', 'Jens',
  'Astrid', 'Eirik', 'Frode', 'Guro', 'Halvor', 'Ida', 'Jon', 'Kjersti', 'Leif', 'Maren', 'Njål', 'Oddny', 'Pål', 'Randi', 'Sverre', 'Torunn', 'Ulf', 'Vigdis', 'Yngve', 'Åsmund', 'Øyvind', 'Ane', 'Bård', 'Dag', 'Elin', 'Finn', 'Gunnhild', 'Helge', 'Ingvild', 'Jostein', 'Karin', 'Line', 'Morten', 'Nina', 'Olav', 'Petter', 'Rune', 'Synnøve', 'Terje', 'Unni', 'Vegard', 'Wenche', 'Audun', 'Brita', 'Cecilie', 'Dagny', 'Espen', 'Fride',
];
const LAST_NAMES = [
  'Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen', 'Karlsen',
  'Berg', 'Haugen', 'Hagen', 'Johannessen', 'Eriksen', 'Dahl', 'Lie', 'Strøm', 'Sæther', 'Bråthen', 'Løkken',
  'Østby', 'Ødegård', 'Aasen', 'Solberg', 'Bakke', 'Moen', 'Berg-Hansen', 'Fjærli', 'Kvåle', 'Grønli', 'Tveit',
  'Bjerke', 'Nygård', 'Lunde', 'Aune', 'Rønning', 'Fossum', 'Halvorsen', 'Sandvik', 'Myklebust', 'Hovland', 'Kleppe', 'Sørensen', 'Vik', 'Brekke', 'Iversen', 'Rasmussen', 'Næss', 'Birkeland', 'Engen', 'Aasland', 'Haugland', 'Tangen', 'Husby', 'Moe', 'Jacobsen', 'Gundersen', 'Solheim', 'Ødegaard', 'Bøe', 'Knutsen', 'Strand', 'Holm', 'Rød', 'Thorsen', 'Våge', 'Ulvestad', 'Lyngstad', 'Skjærvø', 'Gjerde', 'Hellesøy', 'Wold', 'Amundsen', 'Torkildsen', 'Mjøs', 'Furu', 'Riise', 'Eide', 'Øien',
];
const STREETS = [
  'Østensjøveien', 'Storgata', 'Kirkegata', 'Bygdøy allé', 'Sørkedalsveien', 'Trondheimsveien', 'Møllergata',
  'Ålesundgata', 'Fjellveien', 'Skovveien', 'Bjørnstjerne Bjørnsons gate', 'Kongens gate', 'Sjøgata', 'Strandvegen',
  'Løvåsveien', 'Nedre Slottsgate', 'Granåsen', 'Tærudgata', 'Prinsens gate', 'Haukåsen',
  'Hegdehaugsveien', 'Thereses gate', 'Uelands gate', 'Markveien', 'Bergensgata', 'Vestre Elvebakke', 'Trollåsveien', 'Nordre gate', 'Øvre Slottsgate', 'Kvitsøygata', 'Smedgata', 'Vågsallmenningen', 'Elvegata', 'Solbakken', 'Tårnveien', 'Gamle Drammensvei', 'Lilleakerveien', 'Jernbanegata', 'Hamnegata', 'Søndre gate',
];
// Towns and the postal codes each spans. Each street has its postcode in the town's range, so a large
// run spreads over hundreds of postcodes, as a newspaper group's customers do; sixteen postcodes
// for a hundred thousand people would make every "same surname in the same postcode" block a
// hundred namesakes long, which real data does not do.
const TOWNS: ReadonlyArray<readonly [city: string, firstPostcode: number, lastPostcode: number]> = [
  ['OSLO', 150, 1295], ['BERGEN', 5003, 5099], ['TRONDHEIM', 7010, 7099], ['STAVANGER', 4006, 4099],
  ['TROMSØ', 9006, 9099], ['LILLESTRØM', 2000, 2019], ['SANDVIKA', 1300, 1349], ['DRAMMEN', 3001, 3049],
  ['KRISTIANSAND S', 4608, 4639], ['BODØ', 8001, 8049], ['ÅLESUND', 6001, 6029], ['LILLEHAMMER', 2601, 2629], ['MOSS', 1501, 1539],
];
const ENTRANCES = ['', '', '', 'A', 'B', 'C'];

export interface GenerateOptions {
  customers: number;
  /** Share of Infosoft customers already in Windward (0..1); exactly round(customers × overlap). */
  overlap: number;
  /** Share with a second title delivered elsewhere (0..1); exactly round(customers × shipToShare). */
  shipToShare: number;
  /** Windward customers with no Infosoft twin, as a share of `customers` (default 0.1). */
  windwardOnlyShare?: number;
  seed: number;
  /** First title: delivered to the customer's address; second: the ship-to title. */
  titleCodes: readonly [string, string];
  firstCustomerNumber?: number;
  /**
   * Forms each drawn surname can take (1, the default: the 80 surnames as they are): itself or a
   * compound with a farm-name prefix, drawn uniformly. Uniform draws from 85 first names × 80
   * surnames give a lookup at 100,000 customers ~16 namesakes, a population with real name
   * frequencies ~2.4 (febrl's: scripts/namesakes.ts); 7 comes close to that.
   */
  surnameVariety?: number;
}

export interface GeneratedData {
  infosoft: InfosoftSeedRecord[];
  windward: WindwardSeedRecord[];
  /** Customer numbers whose twin was put into Windward. */
  preExisting: number[];
  /** Customer numbers with a separate delivery address. */
  withShipTo: number[];
}

const ASCII_FOLD: Record<string, string> = { æ: 'ae', ø: 'o', å: 'aa', Æ: 'Ae', Ø: 'O', Å: 'Aa' };

function toAscii(text: string): string {
  return text.replace(/[æøåÆØÅ]/g, (ch) => ASCII_FOLD[ch] ?? ch);
}

function toEmailLocal(first: string, last: string, n: number): string {
  return `${toAscii(first)}.${toAscii(last)}${n}`.toLowerCase().replace(/[^a-z0-9.]/g, '');
}

/** A stable small hash (FNV-1a) of a text. */
function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

export function generateCustomers(options: GenerateOptions): GeneratedData {
  const random = createPrng(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const variety = options.surnameVariety ?? 1;
  if (!isSurnameVariety(variety)) {
    throw new RangeError(`surnameVariety must be a whole number from 1 to ${MAX_SURNAME_VARIETY}, got ${variety}`);
  }
  // At variety 1 no extra number is drawn: the default data stays what it always was for a seed.
  const pickLastName = (): string => {
    const base = pick(LAST_NAMES);
    if (variety === 1) return base;
    const form = Math.floor(random() * variety);
    return form === 0 ? base : `${SURNAME_PREFIXES[form - 1]}${base.toLowerCase()}`;
  };
  // A street lies in one postcode of its town, as in real data: the same street and number in the
  // same town is then one address, never two addresses with different postcodes.
  const pickPlace = (street: string): [zip: string, city: string] => {
    const [city, first, last] = pick(TOWNS);
    return [String(first + (hashText(street) % (last - first + 1))).padStart(4, '0'), city];
  };
  const infosoft: InfosoftSeedRecord[] = [];
  const windward: WindwardSeedRecord[] = [];
  const preExisting: number[] = [];
  const withShipTo: number[] = [];
  const [ownTitle, shipTitle] = options.titleCodes;
  const firstNumber = options.firstCustomerNumber ?? 100001;

  const makeAddress = (): InfosoftSeedAddress => {
    const street = pick(STREETS);
    const [zip, city] = pickPlace(street);
    const hasUnit = random() < 0.2;
    return {
      StreetName: street,
      HouseNumber: String(1 + Math.floor(random() * 120)),
      Entrance: pick(ENTRANCES),
      ApartmentIdentity: hasUnit ? `H0${1 + Math.floor(random() * 4)}0${1 + Math.floor(random() * 4)}` : '',
      CoAddress: '',
      ZipCode: zip,
      ZipText: city,
      CountryCode: 'NO',
    };
  };

  const chooseIndexes = (share: number): Set<number> => {
    const indexes = Array.from({ length: options.customers }, (_, i) => i);
    const count = Math.round(options.customers * share);
    for (let i = 0; i < count; i += 1) {
      const j = i + Math.floor(random() * (indexes.length - i));
      [indexes[i], indexes[j]] = [indexes[j] as number, indexes[i] as number];
    }
    return new Set(indexes.slice(0, count));
  };
  const overlapping = chooseIndexes(options.overlap);
  const usedNames = new Set<string>();
  const shipping = chooseIndexes(options.shipToShare);

  for (let i = 0; i < options.customers; i += 1) {
    const customerNumber = firstNumber + i;
    // Distinct people: no two generated customers share first name, surname and postcode (real
    // namesakes next door exist, and the matcher rightly sends them to review, but demo and tests
    // want to count creates and links exactly). Falls back to allowing it when the pools run dry.
    let firstName = pick(FIRST_NAMES);
    let lastName = pickLastName();
    let address = makeAddress();
    for (let tries = 0; tries < 20 && usedNames.has(`${firstName}|${lastName}|${address.ZipCode}`); tries += 1) {
      firstName = pick(FIRST_NAMES);
      lastName = pickLastName();
      address = makeAddress();
    }
    usedNames.add(`${firstName}|${lastName}|${address.ZipCode}`);
    const phone = `${pick(['4', '9'])}${String(Math.floor(random() * 10_000_000)).padStart(7, '0')}`;
    const email = `${toEmailLocal(firstName, lastName, customerNumber)}@${pick(['example.no', 'post.example.com', 'epost.example.no'])}`;
    const titles: InfosoftSeedRecord['Titles'] = [{ TitleCode: ownTitle, StartDate: '2020-01-01' }];
    if (shipping.has(i)) {
      titles.push({ TitleCode: shipTitle, Address: makeAddress(), StartDate: '2021-06-01' });
      withShipTo.push(customerNumber);
    }
    const birthYear = 1940 + Math.floor(random() * 65);
    infosoft.push({
      CustomerNumber: customerNumber,
      FirstName: firstName,
      LastName: lastName,
      CustomerTypeCode: 'PERSN',
      Email: email,
      Telephone1: phone,
      BirthDate: random() < 0.6 ? `${birthYear}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}` : undefined,
      Address: address,
      Titles: titles,
    });

    if (overlapping.has(i)) {
      preExisting.push(customerNumber);
      // The shop typed the name a little differently: ASCII instead of æøå, or another case or order.
      const variant = Math.floor(random() * 3);
      const shownFirst = variant === 0 ? toAscii(firstName) : firstName;
      const shownLast = variant === 1 ? lastName.toUpperCase() : variant === 0 ? toAscii(lastName) : lastName;
      windward.push({
        Unique: windward.length + 1,
        Name: variant === 2 ? `${shownLast}, ${shownFirst}` : `${shownFirst} ${shownLast}`,
        FirstName: shownFirst,
        LastName: shownLast,
        Addr1: [address.StreetName, address.HouseNumber, address.Entrance].filter(Boolean).join(' '),
        Addr2: address.ApartmentIdentity ?? '',
        City: address.ZipText,
        Postal: address.ZipCode,
        State: '',
        Country: 'NO',
        Phone1: random() < 0.5 ? `+47 ${phone.slice(0, 3)} ${phone.slice(3, 5)} ${phone.slice(5)}` : phone,
        Email: random() < 0.3 ? email.toUpperCase() : email,
        Number: '',
      });
    }
  }
  // Shop-only customers: people who never subscribed. They must stay untouched.
  const shopOnly = Math.round(options.customers * (options.windwardOnlyShare ?? 0.1));
  for (let i = 0; i < shopOnly; i += 1) {
    const firstName = pick(FIRST_NAMES);
    const lastName = pickLastName();
    const street = pick(STREETS);
    const [zip, city] = pickPlace(street);
    windward.push({
      Unique: windward.length + 1,
      Name: `${firstName} ${lastName}`,
      FirstName: firstName,
      LastName: lastName,
      Addr1: `${street} ${1 + Math.floor(random() * 120)}`,
      Addr2: '',
      City: city,
      Postal: zip,
      State: '',
      Country: 'NO',
      Phone1: `${pick(['4', '9'])}${String(Math.floor(random() * 10_000_000)).padStart(7, '0')}`,
      Email: `${toEmailLocal(firstName, lastName, 900000 + i)}@shop.example.no`,
      Number: '',
    });
  }
  return { infosoft, windward, preExisting, withShipTo };
}
