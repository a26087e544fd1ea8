'use client';

import { createContext } from 'react';

/** How an element differs from the version it is compared with (version diff view). */
export type ElementMark = 'added' | 'removed' | 'changed';

/** What every node of one canvas needs to know about the canvas itself. */
export type CanvasView = {
  readonly readOnly: boolean;
  readonly marks: ReadonlyMap<string, ElementMark> | undefined;
};

/** Provided by DialogCanvas around its nodes. */
export const CanvasViewContext = createContext<CanvasView>({ readOnly: false, marks: undefined });
