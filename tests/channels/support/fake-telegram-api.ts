import { FakeChannelApi, field } from './fake-channel-api';

/**
 * The Telegram Bot API's sendMessage, as Telegram answers it:
 * `POST /bot{token}/sendMessage` → 200 `{ ok: true, result: Message }`;
 * a wrong token → 401 `{ ok: false, error_code: 401, description: 'Unauthorized' }`;
 * no chat_id or text → 400 with Telegram's description.
 */
export function fakeTelegramApi(options: { botToken: string }): FakeChannelApi {
  const botId = Number(options.botToken.split(':')[0]);
  return new FakeChannelApi((request, index) => {
    if (request.method !== 'POST' || request.path !== `/bot${options.botToken}/sendMessage`) {
      return { status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } };
    }
    const chatId = field(request.body, 'chat_id');
    const text = field(request.body, 'text');
    if (chatId === undefined) return { status: 400, body: { ok: false, error_code: 400, description: 'Bad Request: chat_id is empty' } };
    if (typeof text !== 'string' || text === '') return { status: 400, body: { ok: false, error_code: 400, description: 'Bad Request: message text is empty' } };
    return {
      status: 200,
      body: {
        ok: true,
        result: {
          message_id: 1000 + index,
          from: { id: botId, is_bot: true, first_name: 'Parley', username: 'parley_test_bot' },
          chat: { id: chatId, type: 'private' },
          date: Math.floor(Date.now() / 1000),
          text,
        },
      },
    };
  });
}
