import Link from 'next/link';
import type { ReactNode } from 'react';

/** Signing in and up, and invitations: the page's card centred under the brand. Next.js requires a default export. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col items-center bg-muted/40 px-4 py-12">
      <header className="mb-8">
        <Link href="/" className="text-2xl font-bold text-foreground no-underline hover:no-underline">
          Parley
        </Link>
      </header>
      <main id="content" tabIndex={-1} className="w-full max-w-md focus:outline-none">
        {children}
      </main>
    </div>
  );
}
