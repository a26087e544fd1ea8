import { cn } from '../../../ui/cn';
import type { ElementMark } from '../model/diff-flows';

/** Swatches drawn like the canvas marks them (outline for added and changed, dashed and dimmed for removed). */
const swatches: Readonly<Record<ElementMark, string>> = {
  added: 'border outline-2 outline-offset-1 outline-green-600',
  removed: 'border border-dashed border-red-600 opacity-60',
  changed: 'border outline-2 outline-offset-1 outline-amber-500',
};

const labels: Readonly<Record<ElementMark, string>> = { added: 'Added', removed: 'Removed', changed: 'Changed' };

/** What the marks on the diff canvas mean, with how many elements carry each in the whole comparison. */
export function DiffLegend({ counts }: { counts: Readonly<Record<ElementMark, number>> }) {
  const marks: readonly ElementMark[] = ['added', 'removed', 'changed'];
  return (
    <ul aria-label="Legend" data-testid="diff-legend" className="flex flex-wrap items-center gap-4 text-sm">
      {marks.map((mark) => (
        <li key={mark} className="flex items-center gap-2" data-mark={mark}>
          <span aria-hidden="true" className={cn('inline-block h-3.5 w-5 rounded-sm bg-card', swatches[mark])} />
          <span>
            {labels[mark]} <span className="font-medium tabular-nums">{counts[mark]}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
