'use client';

import { Alert, AlertDescription, AlertTitle } from '../src/ui/alert';
import { Button } from '../src/ui/button';

/**
 * Last-resort boundary: anything a page did not turn into its own error state
 * renders here instead of the framework's crash page. Next.js requires a default export.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="content" tabIndex={-1} className="mx-auto max-w-3xl p-6">
      <Alert variant="destructive" role="alert" aria-labelledby="crash-title">
        <AlertTitle id="crash-title">Something went wrong</AlertTitle>
        <AlertDescription>
          <p>The page could not be shown.{error.digest ? ` (Reference: ${error.digest})` : ''}</p>
          <Button variant="outline" size="sm" className="mt-2" onClick={reset}>
            Try again
          </Button>
        </AlertDescription>
      </Alert>
    </main>
  );
}
