'use client';

/**
 * Last-resort boundary: anything a page did not turn into its own error state
 * renders here instead of the framework's crash page. Next.js requires a default export.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="notice notice-error" role="alert">
      <h1>Something went wrong</h1>
      <p>The page could not be shown.{error.digest ? ` (Reference: ${error.digest})` : ''}</p>
      <button type="button" onClick={reset}>
        Try again
      </button>
    </section>
  );
}
