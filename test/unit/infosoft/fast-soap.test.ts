// readSoapBody, the strict reader of the hot Infosoft answers: the soap package's shape for what it
// reads, null (→ the soap package's own parser) for anything it is not sure about.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSoapBody } from '../../../src/infosoft/fast-soap.js';
import { generateCustomers } from '../../../src/simulators/generate.js';
import { customerInformationXml } from '../../../src/simulators/infosoft/fast-answers.js';

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
    ['white space around child elements is not content', `<${R}>\n  <R>\n\t<X>1</X>\r\n <Y/>  </R>\n</${R}>`, { R: { X: '1', Y: '' } }],
    ['a leaf of white space keeps it', `<${R}><N>  </N><M>\n</M></${R}>`, { N: '  ', M: '\n' }],
    ['text around a leaf is kept as it is', `<${R}><N>  a b  </N></${R}>`, { N: '  a b  ' }],
    ['a closing tag is matched by its local name', `<${R}><a:N>1</b:N><N>2</a:N></${R}>`, { N: ['1', '2'] }],
    ['names with dots, dashes and digits', `<${R}><a.b-c_1>x</a.b-c_1><p-1:N.2>y</p-1:N.2></${R}>`, { 'a.b-c_1': 'x', 'N.2': 'y' }],
    ['names starting with an underscore', `<${R}><_a:_N>x</_a:_N><_M/></${R}>`, { _N: 'x', _M: '' }],
    // The white space String.prototype.trim removes (and \s matches), not only ASCII's.
    ['no-break and other Unicode spaces beside child elements', `<${R}>\u00a0<R>\u2003<X>1</X>\ufeff</R>\u3000</${R}>`, { R: { X: '1' } }],
    ['a leaf of no-break spaces keeps them', `<${R}><N>\u00a0\u00a0</N></${R}>`, { N: '\u00a0\u00a0' }],
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
    ['text after a child element', `<${R}><N><M>1</M>text</N></${R}>`],
    ['text between child elements', `<${R}><N><M>1</M> x <O>2</O></N></${R}>`],
    ['a closing tag of another local name', `<${R}><a:N>1</a:M></${R}>`],
    ['a closing tag that only starts like the open one', `<${R}><Name>1</Nam></${R}>`],
    ['a closing tag that is longer than the open one', `<${R}><Nam>1</Name></${R}>`],
    ['a name with two prefixes', `<${R}><a:b:N>1</a:b:N></${R}>`],
    ['a name starting with a digit', `<${R}><1N>1</1N></${R}>`],
    ['a prefix without a local name', `<${R}><a:>1</a:></${R}>`],
    ['a slash inside an opening tag', `<${R}><N/M>1</N></${R}>`],
    ['letters beyond ASCII in a name', `<${R}><Nø>1</Nø></${R}>`],
    ['a character other than white space beside child elements', `<${R}><R>\u00ad<X>1</X></R></${R}>`],
    ['text outside the envelope', `${envelope(`<${R}/>`)}x`],
  ])('returns null for %s', (_name, inner) => {
    expect(readSoapBody(inner.startsWith('<?xml') ? inner : envelope(inner), R)).toBeNull();
  });

  it("reads the simulator's answers for generated customers, compact and pretty-printed alike, back to what was sent", () => {
    const data = generateCustomers({ customers: 300, overlap: 0, shipToShare: 0.3, seed: 21, titleCodes: ['IT', 'AP'] });
    // Line breaks and indentation between tags, as the vendor's own sample has them.
    const pretty = (xml: string) => xml.replace(/(<\/[^>]+>)(<)/g, '$1\n   $2').replace(/(<[^/!?][^>]*[^/]>)(<[^/])/g, '$1\n  $2');
    const asText = (value: unknown): unknown =>
      typeof value === 'object' && value !== null ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asText(v)])) : String(value);
    for (const customer of data.infosoft) {
      const result = {
        StatusCode: '00',
        CustomerNumber: customer.CustomerNumber,
        Name: `${String(customer.LastName)} ${String(customer.FirstName)} & <co>`,
        Email: customer.Email ?? '',
        Address: customer.Address,
        Phone: { Telephone1: customer.Telephone1 ?? '', Telephone2: '' },
      };
      const xml = customerInformationXml(result as Record<string, unknown>);
      expect(xml).not.toBeNull();
      const compact = readSoapBody(xml!, R);
      expect(compact).toEqual({ GetCustomerInformationResult: asText(result) });
      expect(readSoapBody(pretty(xml!), R)).toEqual(compact);
    }
  });
});
