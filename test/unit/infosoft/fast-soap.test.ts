// readSoapBody, the strict reader of the hot Infosoft answers: the soap package's shape for what it
// reads, null (→ the soap package's own parser) for anything it is not sure about.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSoapBody } from '../../../src/infosoft/fast-soap.js';

const envelope = (inner: string) =>
  `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>${inner}</soap:Body></soap:Envelope>`;
const R = 'GetCustomerInformationResponse';

describe('readSoapBody', () => {
  it('reads the vendor sample (pretty-printed, default namespace) into nested objects', () => {
    const xml = readFileSync(new URL('../../fixtures/infosoft/GetCustomerInformation.response.xml', import.meta.url), 'utf8');
    const body = readSoapBody(xml, R) as { GetCustomerInformationResult: Record<string, unknown> };
    expect(body.GetCustomerInformationResult).toMatchObject({
      StatusCode: '00',
      CustomerNumber: '123456',
      Address: { StreetName: 'Østensjøveien', HouseNumber: '36', Entrance: '', ZipCode: '0667' },
      Phone: { Telephone1: '12345678', Telephone2: '' },
    });
  });

  it.each([
    ['prefixed elements and self-closing tags', `<a:${R}><a:R><a:X>1</a:X><a:Y/><a:Z /></a:R></a:${R}>`, { R: { X: '1', Y: '', Z: '' } }],
    ['repeated elements become an array', `<${R}><M><T>a</T></M><M><T>b</T></M></${R}>`, { M: [{ T: 'a' }, { T: 'b' }] }],
    ['xsi:nil is null', `<${R} xmlns="x"><E xmlns:i="http://www.w3.org/2001/XMLSchema-instance" i:nil="true"/></${R}>`, { E: null }],
    ['entities are decoded', `<${R}><N>Ann &amp; &lt;Bo&gt; &#248;&#x41;</N></${R}>`, { N: 'Ann & <Bo> øA' }],
    ['an empty response element', `<${R}/>`, {}],
    ['a closing tag with a space before >', `<${R}><N>1</N ></${R}>`, { N: '1' }],
    ['the word Fault in text is only text', `<${R}><N>Fault Line</N><M>Fault></M></${R}>`, { N: 'Fault Line', M: 'Fault>' }],
  ])('%s', (_name, inner, expected) => {
    // JSON drops the array's internal 'repeated' marker.
    expect(JSON.parse(JSON.stringify(readSoapBody(envelope(inner), R)))).toEqual(expected);
  });

  it.each([
    ['an attribute it does not know', `<${R}><N kind="x">1</N></${R}>`],
    ['a fault', `<soap:Fault><faultcode>soap:Server</faultcode></soap:Fault>`],
    ['a fault inside the response element', `<${R}><soap:Fault><faultcode>soap:Server</faultcode></soap:Fault></${R}>`],
    ['a processing instruction after the declaration', `<${R}><?pi x?><N>1</N></${R}>`],
    ['CDATA', `<${R}><N><![CDATA[x]]></N></${R}>`],
    ['a comment', `<${R}><!-- x --><N>1</N></${R}>`],
    ['mixed content', `<${R}><N>text<M>1</M></N></${R}>`],
    ['mismatched tags', `<${R}><N>1</M></${R}>`],
    ['an unterminated tag', `<${R}><N>1</N</${R}>`],
    ['another response element', `<OtherResponse><N>1</N></OtherResponse>`],
    ['an unknown entity', `<${R}><N>&nbsp;</N></${R}>`],
    ['a closing tag with attributes', `<${R}><N>1</N x="1"></${R}>`],
  ])('returns null for %s', (_name, inner) => {
    expect(readSoapBody(envelope(inner), R)).toBeNull();
  });
});
