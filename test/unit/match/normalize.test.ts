import { describe, expect, it } from 'vitest';
import {
  normalizeBirthDate,
  normalizeCompanyName,
  normalizeEmail,
  normalizeName,
  normalizePhone,
  normalizePostalCode,
  normalizeStreet,
} from '../../../src/match/index.js';

describe('normalizeStreet: Nordic folding and street types', () => {
  it.each([
    ['Østensjøveien', 'Ostensjoveien'],
    ['Østensjøveien', 'Oestensjoeveien'],
    ['Østensjøveien', 'ØSTENSJØVEIEN'],
    ['Østensjøveien', 'Østensjøvn.'],
    ['Østensjøveien', 'Østensjøv.'],
    ['Østensjøveien', 'Østensjøvegen'],
    ['Østensjøveien', 'Østensjøvei'],
    ['Storgata', 'Storgt.'],
    ['Storgata', 'Storgate'],
    ['Karl Johans gate', 'Karl Johans gt.'],
    ['Karl Johans gate', 'Karl Johansgate'],
    ['Olaf Ryes plass', 'Olaf Ryes pl.'],
    ['Åsveien', 'Aasveien'],
    ['Bjørnstjerne Bjørnsons gate', 'Bjornstjerne Bjornsons gt'],
    ['Bäckvägen', 'Baeckvägen'],
    ['Rue de l’Église', 'Rue de l Eglise'],
  ])('%s = %s', (a, b) => {
    expect(normalizeStreet(a, '1', '').key).toBe(normalizeStreet(b, '1', '').key);
  });

  it.each([
    ['Storgata', 'Kirkegata'],
    ['Østensjøveien', 'Østerdalsveien'],
  ])('%s ≠ %s', (a, b) => {
    expect(normalizeStreet(a, '', '').key).not.toBe(normalizeStreet(b, '', '').key);
  });

  it.each([
    ['Østensjøveien 36 B', '', '', { number: '36', entrance: 'b' }],
    ['Østensjøveien', '36B', '', { number: '36', entrance: 'b' }],
    ['Østensjøveien', '36', 'B', { number: '36', entrance: 'b' }],
    ['Østensjøveien', '036', '', { number: '36', entrance: '' }],
    ['Storgata 5', '', '', { number: '5', entrance: '' }],
  ])('%s | %s | %s → %o', (street, number, entrance, expected) => {
    expect(normalizeStreet(street, number, entrance)).toMatchObject(expected);
  });
});

describe('normalizeName', () => {
  it.each([
    ['Kari J. Nordmann', ['kari', 'nordmann'], ['k', 'j', 'n']],
    ['Berg-Hansen', ['berg', 'hansen'], ['b']],
    ['  BJØRN   ', ['bjorn'], ['b']],
    ['Ærlig Åse', ['aerlig', 'ase'], ['a', 'a']],
    ['O\'Brien', ['brien'], ['o']],
    ['K.', [], ['k']],
    ['', [], []],
  ])('%s → tokens %o', (raw, tokens, initials) => {
    const n = normalizeName(raw);
    expect(n.tokens).toEqual(tokens);
    expect(n.initials).toEqual(initials);
  });
});

describe('normalizeCompanyName: legal forms ignored', () => {
  it.each([
    ['Aftenposten AS', 'Aftenposten'],
    ['Aftenposten ASA', 'AFTENPOSTEN'],
    ['Rørlegger Hansen DA', 'Rorlegger Hansen'],
    ['Fjellstue ANS', 'Fjellstue'],
    ['Bonde SA', 'Bonde'],
    ['Foreign Ltd NUF', 'Foreign'],
    ['Bruk BA', 'Bruk'],
    ['Shipping KS', 'Shipping'],
  ])('%s = %s', (a, b) => {
    expect(normalizeCompanyName(a)).toEqual(normalizeCompanyName(b));
  });
  it('keeps a name that is only a legal form word', () => {
    expect(normalizeCompanyName('AS')).toEqual(['as']);
  });
});

describe('normalizeEmail', () => {
  it.each([
    [' Kari.Nordmann@Example.NO ', 'kari.nordmann@example.no'],
    ['kari+avis@example.no', 'kari@example.no'],
    ['k.a.r.i@gmail.com', 'kari@gmail.com'],
    ['Kari+x@googlemail.com', 'kari@gmail.com'],
    ['not-an-email', ''],
    ['@example.no', ''],
    ['kari@', ''],
    ['', ''],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeEmail(raw)).toBe(expected);
  });
  it('keeps dots outside gmail', () => {
    expect(normalizeEmail('k.ari@online.no')).not.toBe(normalizeEmail('kari@online.no'));
  });
});

describe('normalizePhone', () => {
  it.each([
    ['+47 912 34 567', '+4791234567'],
    ['0047 91234567', '+4791234567'],
    ['91234567', '+4791234567'],
    ['912 34 567', '+4791234567'],
    ['(+47) 22 33 44 55', '+4722334455'],
    ['+46 70 123 45 67', '+46701234567'],
    ['123', ''],
    ['', ''],
  ])('%s → %s', (raw, expected) => {
    expect(normalizePhone(raw, 'NO')).toBe(expected);
  });
  it('falls back to digits for numbers it cannot validate', () => {
    expect(normalizePhone('386-5286', 'US')).toBe(normalizePhone('3865286', 'US'));
  });
});

describe('normalizePostalCode and normalizeBirthDate', () => {
  it.each([
    ['667', 'NO', '0667'],
    ['0667', 'NO', '0667'],
    [' 0 667 ', 'NO', '0667'],
    ['SW1A 1AA', 'GB', 'SW1A1AA'],
    ['667', 'US', '667'],
  ])('postal %s (%s) → %s', (raw, country, expected) => {
    expect(normalizePostalCode(raw, country)).toBe(expected);
  });
  it.each([
    ['1980-02-29', '1980-02-29'],
    ['19800229', '1980-02-29'],
    ['1980-13-01', ''],
    ['0001-01-01', '0001-01-01'],
    ['garbage', ''],
  ])('birth date %s → %s', (raw, expected) => {
    expect(normalizeBirthDate(raw)).toBe(expected);
  });
});
