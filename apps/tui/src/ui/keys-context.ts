/**
 * Keys go to the screen on top through the app (app.ts), not through one `useInput` per screen:
 * keys that arrive together (a paste, tmux, a fast typist) may come before a screen just opened has
 * subscribed, and must neither be lost nor reach the screen below. Each screen registers its handler
 * while it draws; the app holds keys until the screen on top has one.
 */
import type { Key } from 'ink';
import { createContext, useContext } from 'react';

export type KeyHandler = (input: string, key: Key) => void;

export const KeysContext = createContext<(handler: KeyHandler) => void>(() => undefined);

/** The screen's key handler (the keyboard goes to the screen on top only). */
export function useKeys(handler: KeyHandler): void {
  useContext(KeysContext)(handler);
}
