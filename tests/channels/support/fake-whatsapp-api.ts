import { FakeChannelApi, field } from './fake-channel-api';

/**
 * The WhatsApp Cloud API's send endpoint, as Meta answers it:
 * `POST /{version}/{phone-number-id}/messages` with the right bearer token →
 * 200 `{ messaging_product, contacts: [{ input, wa_id }], messages: [{ id: 'wamid...' }] }`;
 * a wrong token → 401 OAuthException 190; another path → 400 (Graph error 100).
 */
export function fakeWhatsAppApi(options: { graphVersion: string; phoneNumberId: string; accessToken: string }): FakeChannelApi {
  return new FakeChannelApi((request, index) => {
    if (request.headers['authorization'] !== `Bearer ${options.accessToken}`) {
      return graphError(401, 190, 'Invalid OAuth access token - Cannot parse access token', 'OAuthException');
    }
    if (request.method !== 'POST' || request.path !== `/${options.graphVersion}/${options.phoneNumberId}/messages`) {
      return graphError(400, 100, `Unsupported post request. Object with ID '${request.path}' does not exist`, 'GraphMethodException');
    }
    const to = field(request.body, 'to');
    return {
      status: 200,
      body: {
        messaging_product: 'whatsapp',
        contacts: [{ input: to, wa_id: to }],
        messages: [{ id: `wamid.${Buffer.from(`fake-${index}-${String(to)}`).toString('base64')}` }],
      },
    };
  });
}

function graphError(status: number, code: number, message: string, type: string): { status: number; body: unknown } {
  return { status, body: { error: { message, type, code, fbtrace_id: 'AbCdEfGhIjKlMnOp' } } };
}
