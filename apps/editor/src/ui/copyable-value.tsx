import { CopyButton } from './copy-button';
import { Input } from './input';
import { Label } from './label';

/**
 * A value shown once to be copied (an API key, an invitation link, a revealed secret):
 * read-only, selected whole on focus, with a copy button; `label` names it for screen readers.
 */
export function CopyableValue({ id, label, value, copyLabel = 'Copy' }: { id: string; label: string; value: string; copyLabel?: string }) {
  return (
    <>
      <Label htmlFor={id} className="sr-only">
        {label}
      </Label>
      <div className="flex items-center gap-2">
        <Input id={id} readOnly value={value} className="font-mono text-xs" onFocus={(event) => event.currentTarget.select()} />
        <CopyButton value={value} label={copyLabel} />
      </div>
    </>
  );
}
