'use client';

export type AttributesDialogProps = { open: boolean; onOpenChange(open: boolean): void };

/** PLACEHOLDER (the attributes area replaces it): the attributes manager of the open bot. */
export function AttributesDialog(_props: AttributesDialogProps) {
  return null;
}
