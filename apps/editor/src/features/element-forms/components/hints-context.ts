'use client';

import { createContext } from 'react';

/**
 * Whether fields show their schema description as a hint. List items and condition rules
 * turn it off: the list says it once, and ten copies of "Declared attribute that …" would
 * bury the values.
 */
export const HintsContext = createContext(true);
