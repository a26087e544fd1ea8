'use client';

/** PLACEHOLDER (the element-forms area replaces it): the settings of one element. */
export function ElementSettings({ elementId }: { elementId: string }) {
  return <div className="p-4 text-sm text-muted-foreground">Settings of {elementId}</div>;
}
