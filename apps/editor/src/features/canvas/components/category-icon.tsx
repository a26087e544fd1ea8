import type { ElementCategory } from '@parley/elements';
import type { ComponentProps } from 'react';

/** The icon of an element category (decorative: the type's title is always written beside it). */
export function CategoryIcon({ category, ...props }: { category: ElementCategory } & ComponentProps<'svg'>) {
  return (
    <svg aria-hidden="true" focusable="false" width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" {...props}>
      {category === 'sends' ? (
        <>
          <path d="m22 2-7 20-4-9-9-4Z" />
          <path d="M22 2 11 13" />
        </>
      ) : category === 'receives' ? (
        <path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z" />
      ) : (
        <path d="M13 2 3 14h9l-1 8 10-12h-9l1-8z" />
      )}
    </svg>
  );
}
