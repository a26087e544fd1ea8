import { describe, expect, it } from 'vitest';
import { firstWorkspaceName } from './first-workspace-name';

describe('firstWorkspaceName', () => {
  it("is the user's name's workspace", () => {
    expect(firstWorkspaceName({ name: ' Ada Lovelace ', email: 'ada@example.com' })).toBe("Ada Lovelace's workspace");
  });

  it('falls back to the email before @, then to "My workspace"', () => {
    expect(firstWorkspaceName({ name: '', email: 'grace@example.com' })).toBe("grace's workspace");
    expect(firstWorkspaceName({ name: ' ', email: '@example.com' })).toBe('My workspace');
  });

  it('stays within 80 characters', () => {
    const name = firstWorkspaceName({ name: 'x'.repeat(200), email: 'x@example.com' });
    expect(name.length).toBe(80);
    expect(name.endsWith("'s workspace")).toBe(true);
  });
});
