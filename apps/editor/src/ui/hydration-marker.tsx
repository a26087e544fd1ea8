'use client';

import { useEffect } from 'react';

/**
 * Sets `data-hydrated="true"` on <html> once React has taken over the page, so
 * browser tests (and any script) can wait until clicks and keys are handled.
 */
export function HydrationMarker() {
  useEffect(() => {
    document.documentElement.dataset['hydrated'] = 'true';
  }, []);
  return null;
}
