// The simulator speaks the vendor's wire format: the documented examples are accepted and mirrored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInfosoftSimulator, type InfosoftSimulator } from '../../../src/simulators/infosoft/server.js';
import { createClock, listElementPaths, parseXml, postSoap, readFixture, readSeed, wrapInEnvelope } from './helpers.js';

describe('Infosoft simulator conformance', () => {
  let sim: InfosoftSimulator;
  const clock = createClock('2014-12-01T10:00:00Z');

  beforeAll(async () => {
    sim = await startInfosoftSimulator({ customers: await readSeed(), now: clock.now });
  });
  afterAll(() => sim.close());

  it('serves its WSDL at ?wsdl, pointing at itself', async () => {
    const res = await fetch(`${sim.url}?wsdl`);
    const wsdl = await res.text();
    expect(res.status).toBe(200);
    expect(wsdl).toContain(`location="${sim.url}"`);
    expect(wsdl).toContain('targetNamespace="InfoWebService.Subscription"');
  });

  it('answers GetCustomerInformation with every element of the vendor example', async () => {
    const request = wrapInEnvelope(
      '<inf:GetCustomerInformation><inf:customerNumber>123456</inf:customerNumber><inf:titleCode>IT</inf:titleCode></inf:GetCustomerInformation>',
      ' xmlns:inf="InfoWebService.Subscription"',
    );
    const res = await postSoap(sim.url, request);
    expect(res.status).toBe(200);
    const expected = listElementPaths(parseXml(readFixture('GetCustomerInformation.response.xml')));
    const actual = listElementPaths(parseXml(res.body));
    expect(expected).toContain('Envelope/Body/GetCustomerInformationResponse/GetCustomerInformationResult/Subscription/Title/Text');
    expect([...expected].filter((p) => !actual.has(p))).toEqual([]);
    expect([...actual].filter((p) => !expected.has(p))).toEqual([]);
    expect(res.body).toContain('xmlns:sub="InfoWebService.Subscription"');
    expect(res.body).toMatch(/<(\w+:)?ZipCode>0667<\/(\w+:)?ZipCode>/);
  });

  it('accepts the documented UpdateCustomerDetails request verbatim', async () => {
    const res = await postSoap(sim.url, readFixture('UpdateCustomerDetails.request.xml'));
    expect(res.status).toBe(200);
    expect(res.body).toMatch(/<a:ConcurrencyToken>[A-Za-z0-9+/=]+<\/a:ConcurrencyToken>/);
    expect(res.body).toMatch(/<a:Customer_Id>\d+<\/a:Customer_Id>/);
    expect(res.body).toContain('<a:LastName>DOE JANE</a:LastName>');
    expect(res.body).toContain('xmlns:a="http://tech.infosoft.no/schemas/2012/08"');
    expect(sim.getCustomer(123456)).toMatchObject({ FirstName: 'JANE', LastName: 'DOE', Email: 'jane@doe.com', Telephone1: '87654321', BirthDate: '1950-01-01' });
    // Customer_Id is Infosoft's internal id, not the customer number.
    const id = /<a:Customer_Id>(\d+)</.exec(res.body)?.[1];
    expect(id).not.toBe('123456');
  });

  it('mirrors the element names of the documented UpdateCustomerDetails response', async () => {
    const res = await postSoap(sim.url, readFixture('UpdateCustomerDetails.request.xml'));
    const expected = listElementPaths(parseXml(readFixture('UpdateCustomerDetails.response.xml')));
    const actual = listElementPaths(parseXml(res.body));
    expect([...expected].filter((p) => !actual.has(p))).toEqual([]);
  });

  it('accepts the documented SavePermanentMove body (in an envelope) while its start date is ahead', async () => {
    // The example moves customer 123456 on title IT from 2015-01-01; the clock says 2014-12-01.
    const res = await postSoap(sim.url, wrapInEnvelope(readFixture('SavePermanentMove.request-body.xml')));
    expect(res.status).toBe(200);
    expect(res.body).toMatch(/<(\w+:)?StatusCode>00</);
    const moves = (await (await fetch(new URL('/__sim/moves', sim.url))).json()) as { moves: Array<Record<string, unknown>> };
    expect(moves.moves).toContainEqual(
      expect.objectContaining({ customerNumber: 123456, titleCode: 'IT', startDate: '2015-01-01', signature: 'WEB' }),
    );
  });

  it('answers an unknown customer with the documented SOAP fault', async () => {
    const res = await postSoap(
      sim.url,
      wrapInEnvelope('<GetCustomerInformation xmlns="InfoWebService.Subscription"><customerNumber>999999</customerNumber></GetCustomerInformation>'),
    );
    expect(res.status).toBe(500);
    expect(res.body).toContain('<faultstring>Unable to find customer with the given customernumber</faultstring>');
  });
});
