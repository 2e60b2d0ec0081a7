// Deterministic Norwegian-ish customers for the scale benchmark: record i is a pure function of
// (seed, i), so a million records need not be kept in memory — the index stores positions and
// candidates are regenerated on lookup.
import type { MatchRecord } from '../../src/match/index.js';
import { createPrng } from '../../src/evaluation/prng.js';

const FIRST_NAMES = (
  'Jan Per Bjørn Ole Lars Kjell Knut Arne Svein Thomas Hans Geir Tor Morten Terje Odd Erik Rune Martin Andreas ' +
  'Trond John Harald Olav Anders Stein Espen Jon Gunnar Tore Rolf Leif Helge Øyvind Kristian Magnus Jørgen Håkon ' +
  'Sindre Eirik Sander Jonas Henrik Fredrik Marius Kristoffer Daniel Tobias Mathias Emil Ola Nils Ivar Sigurd ' +
  'Anne Inger Kari Marit Ingrid Liv Eva Berit Astrid Bjørg Hilde Anna Solveig Marianne Randi Ida Nina Ragnhild ' +
  'Elisabeth Kristin Bente Heidi Silje Hanne Gerd Tone Linda Camilla Ingeborg Julie Maria Nora Emma Sara Thea ' +
  'Ingvild Marte Sofie Emilie Kristine Karoline Hege Guro Åse Synnøve Tuva Vilde Mari Siri Turid Wenche Eli'
).split(' ');
const SURNAMES = (
  'Hansen Johansen Olsen Larsen Andersen Pedersen Nilsen Kristiansen Jensen Karlsen Johnsen Pettersen Eriksen ' +
  'Berg Haugen Hagen Johannessen Andreassen Jacobsen Dahl Jørgensen Halvorsen Henriksen Lund Sørensen Jakobsen ' +
  'Moen Gundersen Iversen Strand Solberg Svendsen Eide Knutsen Martinsen Paulsen Bakken Kristoffersen Mathisen ' +
  'Lie Amundsen Nguyen Rasmussen Ali Lunde Solheim Berge Moe Nygård Bakke Kristensen Fredriksen Holm Lien ' +
  'Hauge Christensen Andresen Nielsen Knudsen Evensen Sæther Aas Myhre Hanssen Ahmed Haugland Thomassen ' +
  'Sivertsen Simonsen Danielsen Berntsen Sandvik Rønning Arnesen Antonsen Næss Vik Haug Ellingsen Thorsen ' +
  'Edvardsen Birkeland Isaksen Gulbrandsen Ruud Aasen Strøm Myklebust Tangen Ødegård Eliassen Helland Bøe ' +
  'Jenssen Aune Mikkelsen Tveit Brekke Abrahamsen Madsen Østby Berg-Hansen Aschehoug Wiik Skjelbred Fjeld'
).split(' ');
const STREET_ROOTS = (
  'Stor Kirke Skole Park Sjø Fjell Eike Bjørke Furu Gran Lille Øvre Nedre Ny Gamle Strand Havne Bakke Dal ' +
  'Elve Myr Løvås Østensjø Trond Olav Kongs Dronning Prinsens Tor Sol Måne Stjerne Vinter Sommer Høst Vår ' +
  'Skog Eng Lyng Rose Lilje Tulipan Hegg Rogn Alm Lind Ask Or Selje Hassel'
).split(' ');
const STREET_TYPES = ['veien', 'gata', 'vegen', 'gate', 'vei', 'plass', 'stien', 'bakken'];
const DOMAINS = ['gmail.com', 'online.no', 'hotmail.com', 'yahoo.no', 'outlook.com', 'live.no'];
const POSTAL_CODES = 1500;

function hashIndex(seed: number, i: number): number {
  let h = (seed ^ Math.imul(i, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A skewed pick: early entries more common (the first gets about 2-4 %, as Hansen or Jan do). */
function pickSkewed<T>(list: readonly T[], random: () => number, skew: number): T {
  const index = Math.floor(list.length * random() ** skew);
  return list[Math.min(index, list.length - 1)] as T;
}

const SURNAME_ROOTS = 'Berg Lind Fjell Haug Dal Vik Strand Sol Nord Øst Vest Moe Ås Bråt Li Skog Eng Holm Ness Rød Sand Stein Tveit Bø Nes Hov Lund Rud Myr Hamm'.split(' ');
const SURNAME_ENDINGS = 'heim vik land stad rud dal berg bakken haug li eng seth nes set bø mo sæter gard by tun'.split(' ');

/** Four in ten surnames come from the common list, the rest from a long tail of compounds. */
function pickSurname(random: () => number): string {
  if (random() < 0.4) return pickSkewed(SURNAMES, random, 1.5);
  return `${pick(SURNAME_ROOTS, random)}${pick(SURNAME_ENDINGS, random)}`;
}

function pick<T>(list: readonly T[], random: () => number): T {
  return list[Math.floor(random() * list.length)] as T;
}

export function generatePerson(seed: number, i: number): MatchRecord {
  const random = createPrng(hashIndex(seed, i));
  const firstName = pickSkewed(FIRST_NAMES, random, 1.2);
  const lastName = pickSurname(random);
  const postal = Math.floor(random() * POSTAL_CODES);
  const street = `${pick(STREET_ROOTS, random)}${pick(STREET_TYPES, random)}`;
  const phone = `${random() < 0.5 ? 4 : 9}${String(Math.floor(random() * 1e7)).padStart(7, '0')}`;
  const hasEmail = random() < 0.7;
  const hasBirthDate = random() < 0.6;
  const year = 1930 + Math.floor(random() * 76);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  // E-mail addresses are unique per person: the index in base 36 keeps namesakes apart.
  const emailLocal = `${firstName}.${lastName}.${i.toString(36)}`.toLowerCase();
  return {
    id: `s${i}`,
    kind: 'person',
    firstName,
    lastName,
    companyName: '',
    street,
    houseNumber: String(1 + Math.floor(random() * 120)),
    entrance: random() < 0.3 ? pick(['A', 'B', 'C', 'D'], random) : '',
    unit: '',
    // Spread over real-looking codes 0010..9990 so that leading zeros occur.
    postalCode: String(10 + postal * 6).padStart(4, '0'),
    city: `By${postal}`,
    countryCode: 'NO',
    phones: random() < 0.9 ? [phone] : [],
    email: hasEmail ? `${emailLocal}@${pick(DOMAINS, random)}` : '',
    birthDate: hasBirthDate
      ? `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
      : '',
  };
}

/** How an incoming copy of a stored customer differs from it (one field changed, as in real data). */
export function perturbPerson(record: MatchRecord, random: () => number): MatchRecord {
  const copy: MatchRecord = { ...record, id: `q-${record.id}`, phones: [...record.phones] };
  const variant = Math.floor(random() * 6);
  if (variant === 0) {
    // Infosoft's "LAST FIRST" in one field, upper case.
    copy.lastName = `${record.lastName} ${record.firstName}`.toUpperCase();
    copy.firstName = '';
  } else if (variant === 1) {
    copy.lastName = record.lastName.replace(/ss/, 's').replace(/sen$/, 'ssen');
  } else if (variant === 2) {
    copy.phones = [`+47 ${record.phones[0] ?? '99999999'}`];
    copy.email = '';
  } else if (variant === 3) {
    copy.street = `${record.street.replace(/veien$/, 'vn.').replace(/gata$/, 'gt.')} ${record.houseNumber}${record.entrance}`;
    copy.houseNumber = '';
    copy.entrance = '';
  } else if (variant === 4) {
    copy.email = record.email.replace('@', '+avis@');
    copy.postalCode = String(Number(record.postalCode));
  } else {
    copy.phones = [];
    copy.firstName = record.firstName.charAt(0);
  }
  return copy;
}
