import Link from 'next/link';

/** What a page of the editor shows for something that does not exist. Next.js requires a default export. */
export default function AppNotFound() {
  return (
    <section aria-labelledby="not-found-title" className="rounded-lg border px-6 py-8">
      <h1 id="not-found-title">Not found</h1>
      <p className="mt-2 text-sm text-muted-foreground">
        Nothing lives at this address. <Link href="/">Back to the editor</Link>
      </p>
    </section>
  );
}
