import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { QueryProvider } from '../src/trpc/query-provider';
import { HydrationMarker } from '../src/ui/hydration-marker';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Parley', template: '%s · Parley' },
  description: 'Design, publish and run chatbots.',
};

/** Next.js requires a default export for layouts. */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <a
          href="#content"
          className="absolute -left-[10000px] top-2 z-50 rounded-md bg-background px-4 py-2 text-sm font-medium shadow focus:left-4"
        >
          Skip to content
        </a>
        <QueryProvider>{children}</QueryProvider>
        <HydrationMarker />
      </body>
    </html>
  );
}
