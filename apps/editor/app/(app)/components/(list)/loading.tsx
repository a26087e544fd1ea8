import { PageLoading } from '../../../../src/ui/page-loading';

/** Shown while the page's data loads (streamed in its place). Next.js requires a default export. */
export default function Loading() {
  return <PageLoading />;
}
