'use client';

/** PLACEHOLDER (the canvas area replaces it): the open dialog's canvas. */
export function DialogCanvas(_props: { readOnly?: boolean }) {
  return <div className="grid h-full place-items-center text-muted-foreground">Canvas</div>;
}
