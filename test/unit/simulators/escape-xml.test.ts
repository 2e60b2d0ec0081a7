import { describe, expect, it } from 'vitest';
import { escapeXml } from '../../../src/simulators/infosoft/responses.js';

describe('escapeXml (the Infosoft simulator writes element text)', () => {
  it.each([
    ['plain text is returned as it is', 'Kari Nordmann', 'Kari Nordmann'],
    ['empty', '', ''],
    ['non-ASCII letters stay', 'Ærlige Østre Åsen', 'Ærlige Østre Åsen'],
    ['tab, newline and carriage return stay', 'a\tb\nc\rd', 'a\tb\nc\rd'],
    ['ampersand', 'Hansen & Sønn', 'Hansen &amp; Sønn'],
    ['angle brackets', '<b>', '&lt;b&gt;'],
    ['quotes', `"O'Brien"`, '&quot;O&apos;Brien&quot;'],
    ['an entity is escaped again, not passed through', '&amp;', '&amp;amp;'],
    ['control characters XML cannot carry are dropped', 'a\u0000b\u0008c\u000Bd\u001Fe', 'abcde'],
    ['a control character beside an ampersand', '\u0001&', '&amp;'],
  ])('%s', (_why, input, expected) => {
    expect(escapeXml(input)).toBe(expected);
  });
});
