'use client';

/** PLACEHOLDER (the canvas area replaces it): the elements a person can add, grouped as the spec groups them. */
export function ElementPalette() {
  return <div className="p-3 text-sm text-muted-foreground">Elements</div>;
}
