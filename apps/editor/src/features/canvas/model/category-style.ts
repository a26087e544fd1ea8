import type { ElementCategory } from '@parley/elements';

/** How each palette category looks on the canvas, in the palette and in the minimap. */
export const categoryStyle: Readonly<Record<ElementCategory, { readonly icon: string; readonly accent: string; readonly minimap: string }>> = {
  sends: {
    icon: 'bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-200',
    accent: 'border-t-sky-500',
    minimap: '#0ea5e9',
  },
  receives: {
    icon: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200',
    accent: 'border-t-emerald-500',
    minimap: '#10b981',
  },
  actions: {
    icon: 'bg-violet-100 text-violet-800 dark:bg-violet-950 dark:text-violet-200',
    accent: 'border-t-violet-500',
    minimap: '#8b5cf6',
  },
};
