'use client';

/** PLACEHOLDER (the canvas area replaces it): Ctrl/⌘+K command palette. */
export function CommandPalette() {
  return null;
}
