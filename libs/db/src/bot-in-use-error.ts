/**
 * A bot cannot be deleted: channels still route their conversations to it. The caller
 * names them so a person knows what to detach first.
 */
export class BotInUseError extends Error {
  override readonly name = 'BotInUseError';

  constructor(
    readonly botId: string,
    /** The channels routing to the bot, by name. */
    readonly channels: { id: string; name: string }[],
  ) {
    super(`Bot ${botId} is used by ${channels.length === 1 ? 'channel' : 'channels'} ${channels.map((channel) => `"${channel.name}"`).join(', ')}`);
  }
}
