import { describe, expect, it } from 'vitest';
import { decodeUtf8, parseRawHeaders } from '../../../src/http/text-request.js';

describe('parseRawHeaders (as undici parses an answer)', () => {
  it.each([
    { raw: [], expected: {} },
    { raw: ['Content-Type', 'text/xml'], expected: { 'content-type': 'text/xml' } },
    { raw: [Buffer.from('Retry-After'), Buffer.from('5')], expected: { 'retry-after': '5' } },
    { raw: ['Set-Cookie', 'a=1', 'set-cookie', 'b=2', 'SET-COOKIE', 'c=3'], expected: { 'set-cookie': ['a=1', 'b=2', 'c=3'] } },
    { raw: ['X-A', '1', 'X-B', '2'], expected: { 'x-a': '1', 'x-b': '2' } },
    // A header called __proto__ is data, not the object's prototype.
    { raw: ['__proto__', 'x'], expected: { ['__proto__']: 'x' } },
  ])('$raw', ({ raw, expected }) => {
    const headers = parseRawHeaders(raw);
    expect({ ...headers }).toEqual(expected);
    expect(Object.keys(headers)).toEqual(Object.keys(expected));
  });
});

describe('decodeUtf8 (as undici body.text())', () => {
  const bom = Buffer.from([0xef, 0xbb, 0xbf]);
  it.each([
    { name: 'nothing', chunks: [] as Buffer[], expected: '' },
    { name: 'one chunk', chunks: [Buffer.from('{"a":1}')], expected: '{"a":1}' },
    { name: 'a leading BOM is dropped', chunks: [Buffer.concat([bom, Buffer.from('{}')])], expected: '{}' },
    { name: 'a BOM elsewhere is kept', chunks: [Buffer.concat([Buffer.from('x'), bom])], expected: 'x\ufeff' },
    // "ø" is two bytes; split across chunks it must still decode as one letter.
    { name: 'a letter split across chunks', chunks: [Buffer.from([0x4f, 0x73, 0xc3]), Buffer.from([0xb8, 0x6c])], expected: 'Osøl' },
  ])('$name', ({ chunks, expected }) => {
    expect(decodeUtf8(chunks, chunks.reduce((n, c) => n + c.length, 0))).toBe(expected);
  });
});
