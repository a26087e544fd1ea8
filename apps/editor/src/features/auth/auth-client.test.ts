import { describe, expect, it } from 'vitest';
import { authErrorMessage } from './auth-client';

describe('authErrorMessage', () => {
  it("passes better-auth's own message on", () => {
    expect(authErrorMessage(401, { code: 'INVALID_EMAIL_OR_PASSWORD', message: 'Invalid email or password' })).toBe('Invalid email or password.');
    expect(authErrorMessage(422, { message: 'User already exists. Use another email.' })).toBe('User already exists. Use another email.');
  });

  it('says to wait when rate limited', () => {
    expect(authErrorMessage(429, { message: 'Too many requests. Please try again later.' })).toBe('Too many attempts: wait a minute, then try again.');
    expect(authErrorMessage(429, null)).toBe('Too many attempts: wait a minute, then try again.');
  });

  it('falls back to the status without a message', () => {
    expect(authErrorMessage(502, 'html')).toBe('The server could not do this right now (HTTP 502). Try again in a moment.');
    expect(authErrorMessage(403, {})).toBe('The request was refused (HTTP 403).');
  });
});
