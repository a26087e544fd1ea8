import { z } from 'zod';

/** The longest workspace slug. */
export const workspaceSlugMaxLength = 40;

/** A workspace slug: a-z and 0-9 words joined by single dashes, 1–40 characters. */
export const workspaceSlugSchema = z
  .string()
  .max(workspaceSlugMaxLength)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

/**
 * The slug a workspace name suggests: accents dropped, lower-cased, every run of
 * other characters turned into one dash, no dash at either end, at most `maxLength`
 * (default 40) characters; 'workspace' when nothing is left. Always matches
 * workspaceSlugSchema (for maxLength ≥ 9). Says nothing about whether it is taken.
 */
export function toWorkspaceSlug(name: string, maxLength: number = workspaceSlugMaxLength): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
  return slug === '' ? 'workspace' : slug;
}
