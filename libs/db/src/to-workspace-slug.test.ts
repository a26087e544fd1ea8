import { describe, expect, it } from 'vitest';
import { toWorkspaceSlug, workspaceSlugSchema } from './to-workspace-slug';

describe('toWorkspaceSlug', () => {
  it.each([
    ['Acme', 'acme'],
    ['  Acme  Support Team ', 'acme-support-team'],
    ['Crème Brûlée & Co.', 'creme-brulee-co'],
    ['ÅNGSTRÖM_42', 'angstrom-42'],
    ['---', 'workspace'],
    ['日本語', 'workspace'],
    ['', 'workspace'],
    ['a'.repeat(50), 'a'.repeat(40)],
    [`${'a'.repeat(39)} b`, 'a'.repeat(39)],
  ])('%j → %j', (name, slug) => {
    expect(toWorkspaceSlug(name)).toBe(slug);
    expect(workspaceSlugSchema.safeParse(slug).success).toBe(true);
  });

  it('honours a shorter maximum', () => {
    expect(toWorkspaceSlug('hello world again', 11)).toBe('hello-world');
  });
});
