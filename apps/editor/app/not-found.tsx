import Link from 'next/link';

/** Next.js requires a default export for the not-found page. */
export default function NotFound() {
  return (
    <section className="notice">
      <h1>Not found</h1>
      <p>
        Nothing lives at this address. <Link href="/">Back to the bots</Link>
      </p>
    </section>
  );
}
