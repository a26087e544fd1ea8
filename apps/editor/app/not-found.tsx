import Link from 'next/link';

/** Next.js requires a default export for the not-found page. */
export default function NotFound() {
  return (
    <main id="content" tabIndex={-1} className="mx-auto max-w-3xl p-6">
      <section aria-labelledby="not-found-title" className="rounded-lg border px-6 py-8">
        <h1 id="not-found-title">Not found</h1>
        <p className="mt-2 text-sm text-muted-foreground">
          Nothing lives at this address. <Link href="/">Back to the editor</Link>
        </p>
      </section>
    </main>
  );
}
