'use client';

import { useEffect } from 'react';
import { clearCommands, setCommands, type EditorCommand } from '../store/editor-commands';

/**
 * Registers `commands` under `source` while the calling component is mounted. Pass a
 * memoized array: each new array re-registers.
 */
export function useRegisterCommands(source: string, commands: readonly EditorCommand[]): void {
  useEffect(() => {
    setCommands(source, commands);
    return () => clearCommands(source);
  }, [source, commands]);
}
