/**
 * Why the assistant could not produce code:
 * - `not-configured`: no endpoint configured (no request was made);
 * - `invalid-code`: the code given cannot be parsed (Improve readability);
 * - `upstream`: the endpoint failed (network error, non-2xx status, malformed answer);
 * - `timeout`: the endpoint did not answer within the configured time.
 */
export type CodeAssistantErrorKind = 'not-configured' | 'invalid-code' | 'upstream' | 'timeout';

export class CodeAssistantError extends Error {
  override readonly name = 'CodeAssistantError';
  readonly kind: CodeAssistantErrorKind;

  constructor(kind: CodeAssistantErrorKind, message: string) {
    super(message);
    this.kind = kind;
  }
}
