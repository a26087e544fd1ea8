'use client';

import type { UseFormRegisterReturn } from 'react-hook-form';
import type { RouterOutputs } from '../../../trpc/browser-api';
import { cn } from '../../../ui/cn';
import { Skeleton } from '../../../ui/skeleton';

export type BotTemplateSummary = RouterOutputs['bots']['templates'][number];

type TemplateChoiceProps = {
  /** Undefined while bots.templates loads. */
  templates: readonly BotTemplateSummary[] | undefined;
  /** The form's registration of its template field (a radio group). */
  field: UseFormRegisterReturn;
};

/**
 * The templates of bots.templates as radio cards (a native radio group: arrow keys move
 * the choice), each named by the template's name and described by its description.
 */
export function TemplateChoice({ templates, field }: TemplateChoiceProps) {
  return (
    <fieldset className="grid gap-1.5">
      <legend className="mb-1.5 text-sm font-medium">Template</legend>
      {templates === undefined ? (
        <div role="status" className="grid gap-2 sm:grid-cols-3">
          <span className="sr-only">Loading templates…</span>
          <Skeleton className="h-20" />
          <Skeleton className="h-20" />
          <Skeleton className="h-20" />
        </div>
      ) : (
        <div className="grid gap-2 sm:grid-cols-3">
          {templates.map((template) => (
            <label
              key={template.id}
              className={cn(
                'flex cursor-pointer items-start gap-2 rounded-md border p-3 text-sm transition-colors hover:bg-muted/50',
                'has-[:checked]:border-primary has-[:checked]:bg-primary/5 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-ring',
              )}
            >
              <input type="radio" value={template.id} {...field} aria-describedby={`template-${template.id}-description`} className="mt-0.5 accent-primary focus-visible:outline-none" />
              <span className="grid gap-1">
                <span className="font-medium leading-none">{template.name}</span>
                <span id={`template-${template.id}-description`} className="text-xs text-muted-foreground">
                  {template.description}
                </span>
              </span>
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}
