import { describe, expect, it } from 'vitest';
import type { HttpResponseResult } from '../calls/http-request-call';
import { mapResponse, responseHeader } from './map-response';
import { parseResponseBody } from './parse-response-body';
import { responseMappingSchema, type ResponseMapping } from './response-mapping-schema';
import { selectResponseValue } from './select-response-value';

const json = (body: unknown, status = 200): HttpResponseResult => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', 'x-request-id': 'r-1' },
  body: JSON.stringify(body),
  attempts: 1,
});
const mapping = (value: unknown): ResponseMapping => responseMappingSchema.parse(value);

const soap = `<?xml version="1.0" encoding="utf-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
  <soap:Body>
    <m:GetPriceResponse xmlns:m="urn:shop">
      <m:Price currency="EUR">12.50</m:Price>
      <m:Item sku="a1"><m:Name>Tea</m:Name></m:Item>
      <m:Item sku="b2"><m:Name>Cake &amp; cream</m:Name></m:Item>
    </m:GetPriceResponse>
  </soap:Body>
</soap:Envelope>`;

describe('mapResponse', () => {
  const order = { order: { id: 'A-1', items: [{ name: 'Tea', qty: 2 }, { name: 'Cake', qty: 1 }], paid: true, note: null } };

  it('saves the status, headers case-insensitively and body paths with their JSON types', () => {
    const result = mapResponse(
      mapping({
        saveStatusCodeAs: 'status',
        headers: [{ attribute: 'requestId', header: 'X-Request-ID' }],
        body: [
          { attribute: 'orderId', path: 'order.id' },
          { attribute: 'second', path: 'order.items.1.name' },
          { attribute: 'qty', path: 'order.items.0.qty' },
          { attribute: 'items', path: 'order.items' },
          { attribute: 'paid', path: 'order.paid' },
          { attribute: 'note', path: 'order.note' },
          { attribute: 'whole', path: '' },
        ],
      }),
      json(order, 201),
    );
    expect(result).toEqual({
      attributes: {
        status: 201,
        requestId: 'r-1',
        orderId: 'A-1',
        second: 'Cake',
        qty: 2,
        items: order.order.items,
        paid: true,
        note: null,
        whole: order,
      },
      missing: [],
    });
  });

  it('lists what it did not find and writes nothing for it', () => {
    const result = mapResponse(
      mapping({
        headers: [{ attribute: 'etag', header: 'ETag' }],
        body: [
          { attribute: 'a', path: 'order.items.7.name' },
          { attribute: 'b', path: 'order.id.length' },
          { attribute: 'c', path: 'order.items.x' },
          { attribute: 'd', path: 'order.toString' },
        ],
      }),
      json(order),
    );
    expect(result).toEqual({
      attributes: {},
      missing: ['headers[0] "ETag"', 'body[0] "order.items.7.name"', 'body[1] "order.id.length"', 'body[2] "order.items.x"', 'body[3] "order.toString"'],
    });
  });

  it('reads a text body only as a whole', () => {
    const text: HttpResponseResult = { status: 200, headers: { 'content-type': 'text/plain' }, body: 'pong', attempts: 1 };
    expect(mapResponse(mapping({ body: [{ attribute: 'all', path: '' }, { attribute: 'x', path: 'a' }] }), text)).toEqual({
      attributes: { all: 'pong' },
      missing: ['body[1] "a"'],
    });
  });

  it('reads XML (SOAP) responses in the three modes', () => {
    const response: HttpResponseResult = { status: 200, headers: { 'Content-Type': 'text/xml; charset=utf-8' }, body: soap, attempts: 3 };
    const result = mapResponse(
      mapping({
        body: [
          { attribute: 'price', path: 'Envelope.Body.GetPriceResponse.Price' },
          { attribute: 'currency', path: 'Envelope.Body.GetPriceResponse.Price.@currency' },
          { attribute: 'firstName', path: 'Envelope.Body.GetPriceResponse.Item.Name', xmlMode: 'text' },
          { attribute: 'secondName', path: 'soap:Envelope.soap:Body.m:GetPriceResponse.m:Item.1.m:Name' },
          { attribute: 'priceXml', path: 'Envelope.Body.GetPriceResponse.Price', xmlMode: 'xml' },
          { attribute: 'items', path: 'Envelope.Body.GetPriceResponse.Item', xmlMode: 'list' },
          { attribute: 'names', path: 'Envelope.Body.GetPriceResponse.Item.Name', xmlMode: 'list' },
          { attribute: 'none', path: 'Envelope.Body.Fault', xmlMode: 'list' },
          { attribute: 'raw', path: '' },
        ],
      }),
      response,
    );
    expect(result.missing).toEqual([]);
    expect(result.attributes).toEqual({
      price: '12.50',
      currency: 'EUR',
      firstName: 'Tea',
      secondName: 'Cake & cream',
      priceXml: '<m:Price currency="EUR">12.50</m:Price>',
      items: [
        { 'm:Name': 'Tea', '@sku': 'a1' },
        { 'm:Name': 'Cake & cream', '@sku': 'b2' },
      ],
      names: ['Tea', 'Cake & cream'],
      none: [],
      raw: soap,
    });
  });
});

describe('parseResponseBody', () => {
  it('goes by Content-Type, then sniffs; what does not parse is text', () => {
    expect(parseResponseBody('{"a":1}', 'application/json').kind).toBe('json');
    expect(parseResponseBody('{"a":1}', undefined).kind).toBe('json');
    expect(parseResponseBody('<a>1</a>', undefined).kind).toBe('xml');
    expect(parseResponseBody('<a>1</a>', 'application/soap+xml').kind).toBe('xml');
    expect(parseResponseBody('{"a":1}', 'application/xml').kind).toBe('text');
    expect(parseResponseBody('<a><b></a>', 'text/xml').kind).toBe('text');
    expect(parseResponseBody('<a>1</a><b>2</b>', 'text/xml').kind).toBe('text'); // two roots
    expect(parseResponseBody('<__proto__>1</__proto__>', 'text/xml').kind).toBe('text');
    expect(parseResponseBody('not json', 'application/json').kind).toBe('text');
    expect(parseResponseBody('', undefined).kind).toBe('text');
  });

  it('keeps XML values as text (no number guessing)', () => {
    expect(selectResponseValue(parseResponseBody('<r><n>007</n></r>', 'text/xml'), 'r.n', 'list')).toEqual(['007']);
  });
});

describe('responseHeader', () => {
  it('matches names case-insensitively', () => {
    expect(responseHeader({ headers: { 'Content-Type': 'a' } }, 'content-type')).toBe('a');
    expect(responseHeader({ headers: {} }, 'x')).toBeUndefined();
  });
});
