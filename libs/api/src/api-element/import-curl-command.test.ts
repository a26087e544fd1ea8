import { apiElement, apiSchema, builtInAttributes, isInboundAttribute, type ElementIssue } from '@parley/elements';
import { describe, expect, it } from 'vitest';
import { CurlImportError } from './curl-import-error';
import { importCurlCommand, type CurlImport } from './import-curl-command';

/**
 * Real-world commands (Infobip's docs, Postman's and Chrome's exports) and every option
 * the import maps. Each import must validate as an API element (schema and the
 * element's own cross-field rules).
 */
function imported(command: string): CurlImport {
  const result = importCurlCommand(command);
  const element = apiSchema.parse({ id: 'imported', type: 'api', ...result.request });
  const declarations = Object.fromEntries(builtInAttributes.map((declaration) => [declaration.name, declaration]));
  const issues: readonly ElementIssue[] =
    apiElement.validate?.(element, { declarations, dialogs: [], components: [], isInbound: isInboundAttribute, scope: { kind: 'bot' } }) ?? [];
  expect(issues.filter((issue) => issue.rule !== 'invalid-json')).toEqual([]);
  return result;
}

function refusal(command: string): string {
  try {
    importCurlCommand(command);
  } catch (error) {
    if (error instanceof CurlImportError) return error.message;
    throw error;
  }
  throw new Error('expected a CurlImportError');
}

describe('importCurlCommand: real-world commands', () => {
  it('Infobip "send SMS" (docs, JSON body)', () => {
    const result = imported(`curl -L -g 'https://xxxxx.api.infobip.com/sms/2/text/advanced' \\
-H 'Authorization: App 003026bbc133714df1834b8638bb496e-8f4b3d9a-e931-478d-a994-28a725159ab9' \\
-H 'Content-Type: application/json' \\
-H 'Accept: application/json' \\
-d '{"messages":[{"destinations":[{"to":"41793026727"}],"from":"InfoSMS","text":"This is a sample message"}]}'`);
    expect(result).toEqual({
      request: {
        method: 'POST',
        url: 'https://xxxxx.api.infobip.com/sms/2/text/advanced',
        contentType: 'json',
        headers: [
          { key: 'Authorization', value: 'App 003026bbc133714df1834b8638bb496e-8f4b3d9a-e931-478d-a994-28a725159ab9' },
          { key: 'Accept', value: 'application/json' },
        ],
        body: {
          type: 'editor',
          text: '{"messages":[{"destinations":[{"to":"41793026727"}],"from":"InfoSMS","text":"This is a sample message"}]}',
        },
      },
      warnings: [],
    });
  });

  it('Infobip WhatsApp template, multi-line JSON, placeholders kept', () => {
    const result = imported(`curl -X POST 'https://{{baseUrl}}/whatsapp/1/message/template' \\
  -H 'Authorization: App {{apiKey}}' \\
  -H 'Content-Type: application/json' \\
  -d '{
    "messages": [
      { "from": "441134960000", "to": "{{phone}}", "content": { "templateName": "order_ready", "templateData": { "body": { "placeholders": ["{{orderId}}"] } }, "language": "en" } }
    ]
  }'`);
    expect(result.request).toMatchObject({
      method: 'POST',
      url: 'https://{{baseUrl}}/whatsapp/1/message/template',
      contentType: 'json',
      headers: [{ key: 'Authorization', value: 'App {{apiKey}}' }],
    });
    expect(result.request.body?.type === 'editor' && JSON.parse(result.request.body.text)).toMatchObject({ messages: [{ to: '{{phone}}' }] });
  });

  it('Postman (older export: --location --request, --data-raw)', () => {
    const result = imported(`curl --location --request PUT '{{baseUrl}}/v1/orders/{{orderId}}' \\
--header 'Content-Type: application/json' \\
--header 'Authorization: Bearer {{token}}' \\
--data-raw '{
    "status": "shipped",
    "items": {{items}}
}'`);
    expect(result.request).toEqual({
      method: 'PUT',
      url: '{{baseUrl}}/v1/orders/{{orderId}}',
      contentType: 'json',
      headers: [{ key: 'Authorization', value: 'Bearer {{token}}' }],
      body: { type: 'editor', text: '{\n    "status": "shipped",\n    "items": {{items}}\n}' },
    });
    expect(result.warnings).toEqual([]);
  });

  it('Postman x-www-form-urlencoded (OAuth client credentials) → url-encoded key-value pairs', () => {
    const result = imported(`curl --location 'https://auth.example.com/oauth/token' \\
--header 'Content-Type: application/x-www-form-urlencoded' \\
--data-urlencode 'grant_type=client_credentials' \\
--data-urlencode 'client_id={{clientId}}' \\
--data-urlencode 'scope=orders:read orders:write'`);
    expect(result.request).toEqual({
      method: 'POST',
      url: 'https://auth.example.com/oauth/token',
      contentType: 'url-encoded',
      headers: [],
      body: {
        type: 'key-value',
        pairs: [
          { key: 'grant_type', value: 'client_credentials' },
          { key: 'client_id', value: '{{clientId}}' },
          { key: 'scope', value: 'orders:read orders:write' },
        ],
      },
    });
  });

  it('Postman form-data (quoted values, a ;type suffix) → form-data pairs', () => {
    const result = imported(`curl --location 'https://api.example.com/v1/contacts' \\
--form 'name="Ana \\"Ani\\" Silva"' \\
--form 'city=Porto;type=text/plain' \\
--form-string 'note=@not-a-file'`);
    expect(result.request).toEqual({
      method: 'POST',
      url: 'https://api.example.com/v1/contacts',
      contentType: 'form-data',
      headers: [],
      body: {
        type: 'key-value',
        pairs: [
          { key: 'name', value: 'Ana "Ani" Silva' },
          { key: 'city', value: 'Porto' },
          { key: 'note', value: '@not-a-file' },
        ],
      },
    });
    expect(result.warnings).toEqual(['The form field "city" had ";type=text/plain" after its value; that was left out.']);
  });

  it('Chrome "Copy as cURL (bash)": lower-case headers, cookies, ANSI-C body, --compressed', () => {
    const result = imported(`curl 'https://shop.example.com/api/cart?lang=en' \\
  -H 'accept: application/json, text/plain, */*' \\
  -H 'accept-language: en-US,en;q=0.9' \\
  -b 'session=abc123; theme=dark' \\
  -H 'content-type: application/json;charset=UTF-8' \\
  -H 'user-agent: Mozilla/5.0 (X11; Linux x86_64)' \\
  --data-raw $'{"note":"it\\'s a gift","qty":2}' \\
  --compressed`);
    expect(result.request).toEqual({
      method: 'POST',
      url: 'https://shop.example.com/api/cart?lang=en',
      contentType: 'json',
      headers: [
        { key: 'accept', value: 'application/json, text/plain, */*' },
        { key: 'accept-language', value: 'en-US,en;q=0.9' },
        { key: 'Cookie', value: 'session=abc123; theme=dark' },
        { key: 'content-type', value: 'application/json;charset=UTF-8' },
        { key: 'user-agent', value: 'Mozilla/5.0 (X11; Linux x86_64)' },
      ],
      body: { type: 'editor', text: `{"note":"it's a gift","qty":2}` },
    });
  });

  it('SOAP with text/xml → raw editor with the header kept (spec: SOAP API calls)', () => {
    const envelope = '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><GetOrder><Id>7</Id></GetOrder></soap:Body></soap:Envelope>';
    const result = imported(`curl -X POST https://erp.example.com/ws -H "Content-Type: text/xml; charset=utf-8" -H 'SOAPAction: "GetOrder"' -d '${envelope}'`);
    expect(result.request).toEqual({
      method: 'POST',
      url: 'https://erp.example.com/ws',
      contentType: 'raw',
      headers: [
        { key: 'Content-Type', value: 'text/xml; charset=utf-8' },
        { key: 'SOAPAction', value: '"GetOrder"' },
      ],
      body: { type: 'editor', text: envelope },
    });
  });
});

describe('importCurlCommand: content types', () => {
  it('application/xml → xml editor (the predefined header is not repeated)', () => {
    expect(imported(`curl https://x.test -H 'Content-Type: application/xml' -d '<order id="7"/>'`).request).toMatchObject({
      contentType: 'xml',
      headers: [],
      body: { type: 'editor', text: '<order id="7"/>' },
    });
  });

  it('text/plain → text editor', () => {
    expect(imported(`curl https://x.test -H 'Content-Type: text/plain' --data-binary 'hello there'`).request).toMatchObject({
      method: 'POST',
      contentType: 'text',
      headers: [],
      body: { type: 'editor', text: 'hello there' },
    });
  });

  it('vendor JSON types → json with the header kept', () => {
    expect(imported(`curl https://x.test -H 'Content-Type: application/vnd.api+json' -d '{"data":{}}'`).request).toMatchObject({
      contentType: 'json',
      headers: [{ key: 'Content-Type', value: 'application/vnd.api+json' }],
    });
  });

  it('other types → raw with the header kept', () => {
    expect(imported(`curl https://x.test -H 'Content-Type: application/octet-stream' -d 'AAEC'`).request).toMatchObject({
      contentType: 'raw',
      headers: [{ key: 'Content-Type', value: 'application/octet-stream' }],
      body: { type: 'editor', text: 'AAEC' },
    });
  });

  it('-d without Content-Type → url-encoded pairs, decoded (curl’s default type)', () => {
    expect(imported(`curl https://x.test -d 'name=Ana+Silva&city=S%C3%A3o%20Paulo' -d empty=`).request).toEqual({
      method: 'POST',
      url: 'https://x.test',
      contentType: 'url-encoded',
      headers: [],
      body: {
        type: 'key-value',
        pairs: [
          { key: 'name', value: 'Ana Silva' },
          { key: 'city', value: 'São Paulo' },
          { key: 'empty', value: '' },
        ],
      },
    });
  });

  it('form data that is not unique pairs → raw text, labelled as curl would', () => {
    expect(imported(`curl https://x.test -d 'tag=a&tag=b'`).request).toEqual({
      method: 'POST',
      url: 'https://x.test',
      contentType: 'raw',
      headers: [{ key: 'Content-Type', value: 'application/x-www-form-urlencoded' }],
      body: { type: 'editor', text: 'tag=a&tag=b' },
    });
    expect(imported(`curl https://x.test --data-urlencode 'just text'`).request.body).toEqual({ type: 'editor', text: 'just%20text' });
  });

  it('JSON data without Content-Type → json, with a warning (curl would mislabel it)', () => {
    const result = imported(`curl https://x.test -d '{"a":1}'`);
    expect(result.request).toMatchObject({ contentType: 'json', headers: [], body: { type: 'editor', text: '{"a":1}' } });
    expect(result.warnings).toEqual([
      'No Content-Type header is given, so curl would label this JSON body application/x-www-form-urlencoded; it was imported as JSON.',
    ]);
  });

  it('--json → POST, json, Accept: application/json', () => {
    expect(imported(`curl --json '{"q":"x"}' https://x.test/search`).request).toEqual({
      method: 'POST',
      url: 'https://x.test/search',
      contentType: 'json',
      headers: [{ key: 'Accept', value: 'application/json' }],
      body: { type: 'editor', text: '{"q":"x"}' },
    });
  });

  it('no body: content type none, or the one the Content-Type header names', () => {
    expect(imported('curl https://x.test/orders').request).toEqual({ method: 'GET', url: 'https://x.test/orders', contentType: 'none', headers: [] });
    expect(imported(`curl https://x.test/orders -H 'Content-Type: application/json'`).request).toMatchObject({ contentType: 'json', headers: [] });
  });

  it('-F with a Content-Type header: form-data, the header dropped (the boundary is set when sending)', () => {
    const result = imported(`curl https://x.test -H 'Content-Type: multipart/form-data; boundary=xyz' -F a=1`);
    expect(result.request).toMatchObject({ contentType: 'form-data', headers: [], body: { type: 'key-value', pairs: [{ key: 'a', value: '1' }] } });
  });
});

describe('importCurlCommand: options', () => {
  it('-X sets the method (any case); -I is HEAD; DELETE and PATCH', () => {
    expect(imported('curl -X patch https://x.test -d a=1').request.method).toBe('PATCH');
    expect(imported('curl --request DELETE https://x.test/7').request.method).toBe('DELETE');
    expect(imported('curl -I https://x.test').request.method).toBe('HEAD');
    expect(imported('curl --head https://x.test').request.method).toBe('HEAD');
  });

  it('-u → Authorization: Basic; an explicit Authorization header given later wins', () => {
    expect(imported('curl -u ana:s3cr:et https://x.test').request.headers).toEqual([{ key: 'Authorization', value: `Basic ${btoa('ana:s3cr:et')}` }]);
    const overridden = imported(`curl -u ana:pw https://x.test -H 'Authorization: Bearer t'`);
    expect(overridden.request.headers).toEqual([{ key: 'Authorization', value: 'Bearer t' }]);
    expect(overridden.warnings).toEqual(['The header Authorization is given more than once; the last value (position 34) was kept.']);
    expect(imported('curl --user ana https://x.test').warnings[0]).toMatch(/no password/);
  });

  it('-G moves the data into the query string', () => {
    expect(imported(`curl -G https://x.test/search?lang=en -d q=shoes --data-urlencode 'brand=A&B'`).request).toEqual({
      method: 'GET',
      url: 'https://x.test/search?lang=en&q=shoes&brand=A%26B',
      contentType: 'none',
      headers: [],
    });
    expect(imported('curl -G -I https://x.test/a -d q=1').request).toMatchObject({ method: 'HEAD', url: 'https://x.test/a?q=1' });
  });

  it('--url, grouped short flags and attached values (-sSL -XPOST -H...)', () => {
    expect(imported(`curl -sSLk -XPOST -H'X-A: 1' --url https://x.test/a -d'b=2'`)).toEqual({
      request: { method: 'POST', url: 'https://x.test/a', contentType: 'url-encoded', headers: [{ key: 'X-A', value: '1' }], body: { type: 'key-value', pairs: [{ key: 'b', value: '2' }] } },
      warnings: ['TLS certificates are always verified: -k/--insecure was ignored.'],
    });
  });

  it('-A, -e, --oauth2-bearer become headers', () => {
    expect(imported('curl -A Parley/1 -e https://ref.test --oauth2-bearer tok https://x.test').request.headers).toEqual([
      { key: 'User-Agent', value: 'Parley/1' },
      { key: 'Referer', value: 'https://ref.test' },
      { key: 'Authorization', value: 'Bearer tok' },
    ]);
  });

  it('header forms: "Name;" is an empty header, "Name:" is dropped, Content-Length is left out', () => {
    const result = imported(`curl https://x.test -H 'X-Empty;' -H 'Expect:' -H 'Content-Length: 99' -H 'X-Ok:  spaced  '`);
    expect(result.request.headers).toEqual([
      { key: 'X-Empty', value: '' },
      { key: 'X-Ok', value: 'spaced' },
    ]);
    expect(result.warnings).toHaveLength(2);
  });

  it('a URL without scheme gets http://, as curl assumes', () => {
    const result = imported('curl localhost:8080/health');
    expect(result.request.url).toBe('http://localhost:8080/health');
    expect(result.warnings[0]).toMatch(/http:\/\/ was added/);
  });

  it('ignores what follows a pipe, with a warning; reports shell variables', () => {
    const result = imported(`curl -H "Authorization: Bearer $TOKEN" https://x.test | jq .`);
    expect(result.request.headers).toEqual([{ key: 'Authorization', value: 'Bearer $TOKEN' }]);
    expect(result.warnings).toHaveLength(2);
  });

  it('accepts CRLF line continuations and /usr/bin/curl', () => {
    expect(imported('/usr/bin/curl \\\r\n  -X POST \\\r\n  https://x.test/a \\\r\n  --json \'{}\'').request).toMatchObject({ method: 'POST', url: 'https://x.test/a' });
  });
});

describe('importCurlCommand: what cannot be read → CurlImportError naming it', () => {
  it.each([
    ['', 'the command is empty: paste a curl command'],
    ['wget https://x.test', 'not a curl command: it starts with "wget" instead of curl'],
    [`curl -H 'Accept: x`, "unterminated quote at position 9: the ' opened there is never closed"],
    ['curl -X POST', 'no URL found: the command must name the address to call, e.g. curl https://api.example.com/orders'],
    ['curl https://x.test -H', '-H at position 21 needs a value, but the command ends there'],
    ['curl --frobnicate 1 https://x.test', 'unknown option --frobnicate at position 6: it cannot be imported (and may take a value, so the rest could not be read)'],
    ['curl -Q x https://x.test', 'unknown option -Q at position 6: it cannot be imported (and may take a value, so the rest could not be read)'],
    ['curl https://a.test https://b.test', 'more than one URL ("https://a.test" at position 6, "https://b.test" at position 21): the API element sends one request; an option may be missing a value or need quotes'],
    ['curl -X OPTIONS https://x.test', 'the method OPTIONS (-X) is not supported: the API element sends GET, POST, PUT, DELETE, PATCH or HEAD'],
    ['curl ftp://x.test/file', 'the URL "ftp://x.test/file" at position 6 uses ftp://; the API element calls http:// and https:// URLs only'],
    ['curl https://x.test -d a=1 -F b=2', 'both data (-d) and a form (-F) are given: one request has one body (curl refuses this too)'],
    ['curl -X GET https://x.test -d a=1', '-X GET with a body: a GET request cannot have one (use -G to send the data in the URL)'],
    ['curl -I https://x.test -d a=1', '-I/--head sends a HEAD request, which cannot have a body'],
    ['curl https://x.test -d @body.json', `-d at position 21 reads the body from the file "body.json", which cannot be imported: put the content itself in the command (-d '...')`],
    ['curl https://x.test -F photo=@cat.png', '-F photo=@cat.png at position 21 uploads a file, which cannot be imported: form fields are text only'],
    ['curl https://x.test -H NoColon', 'the header "NoColon" at position 24 is not "Name: value"'],
    ['curl --digest -u a:b https://x.test', '--digest at position 6: only Basic authentication (-u) can be imported; set the Authorization header yourself'],
    [`curl https://x.test -H 'Bad Name: 1'`, 'the header "Bad Name" (position 24): Use a header name: letters, digits and !#$%&\'*+.^_`|~- only'],
  ])('%j', (command, message) => {
    expect(refusal(command)).toBe(message);
  });

  it('refuses fields over the element’s limits', () => {
    expect(refusal(`curl https://x.test -H 'X-Long: ${'a'.repeat(4097)}'`)).toMatch(/^the header value of "X-Long" \(position 24\): /);
    const many = Array.from({ length: 51 }, (_, index) => `-H 'X-${index}: 1'`).join(' ');
    expect(refusal(`curl https://x.test ${many}`)).toMatch(/^headers: /);
    expect(refusal(`curl https://x.test -H 'Content-Type: text/plain' -d '${'b'.repeat(65_537)}'`)).toBe('the body is 65537 characters long; the API element takes at most 65536');
    expect(refusal(`curl 'https://x.test/${'p'.repeat(2100)}'`)).toMatch(/^the URL: /);
  });
});
