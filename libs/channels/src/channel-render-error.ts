/**
 * - `unsupported-channel`: no outbound adapter for the channel's type (e.g. web chat).
 * - `invalid-config`: the channel's config or secrets break its type's schema.
 * - `not-renderable`: the reply breaks a limit of the channel's API (too long,
 *   too many buttons, a button label too long) that no retry can fix.
 */
export type ChannelRenderErrorReason = 'unsupported-channel' | 'invalid-config' | 'not-renderable';

/**
 * Thrown by `renderOutboundRequest` and the adapters' `render` when a reply
 * cannot be turned into a request. Always permanent: the outbound worker marks
 * the message failed instead of retrying. The message never contains secrets.
 */
export class ChannelRenderError extends Error {
  override readonly name = 'ChannelRenderError';
  readonly reason: ChannelRenderErrorReason;

  constructor(reason: ChannelRenderErrorReason, message: string) {
    super(message);
    this.reason = reason;
  }
}
