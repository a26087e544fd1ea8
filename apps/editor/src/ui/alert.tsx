import { cva, type VariantProps } from 'class-variance-authority';
import type { ComponentProps } from 'react';
import { cn } from './cn';

const alertVariants = cva('relative w-full rounded-lg border px-4 py-3 text-sm [&_p]:my-1', {
  variants: {
    variant: {
      default: 'bg-card text-card-foreground',
      destructive: 'border-destructive/50 bg-destructive/5 text-foreground [&_h2]:text-destructive',
      success: 'border-success/40 bg-success/5 text-foreground',
    },
  },
  defaultVariants: { variant: 'default' },
});

/**
 * shadcn/ui's alert. Pass `role="alert"` for errors a person must notice now
 * (it is announced); plain notices (empty states) need no role.
 */
export function Alert({ className, variant, ...props }: ComponentProps<'section'> & VariantProps<typeof alertVariants>) {
  return <section className={cn(alertVariants({ variant }), className)} {...props} />;
}

export function AlertTitle({ className, ...props }: ComponentProps<'h2'>) {
  return <h2 className={cn('mb-1 text-sm font-semibold leading-tight', className)} {...props} />;
}

export function AlertDescription({ className, ...props }: ComponentProps<'div'>) {
  return <div className={cn('text-sm text-muted-foreground [&_code]:text-foreground', className)} {...props} />;
}
