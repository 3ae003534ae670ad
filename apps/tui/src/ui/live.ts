import { useCallback, useRef, useState, type RefObject } from 'react';

/**
 * A screen's state, with its pure reducer, held so that key handlers always see the latest one: keys
 * that arrive together (a paste, a fast typist, tmux) reach handlers before React has drawn the state
 * the previous key left, so handlers read `live.current`, which each dispatch updates at once.
 */
export function useStore<S, A>(reducer: (state: S, action: A) => S, init: () => S): [S, (action: A) => void, RefObject<S>] {
  const live = useRef<S | undefined>(undefined);
  if (live.current === undefined) live.current = init();
  const [, redraw] = useState(0);
  const dispatch = useCallback(
    (action: A) => {
      const next = reducer(live.current as S, action);
      if (next === live.current) return;
      live.current = next;
      redraw((n) => n + 1);
    },
    [reducer],
  );
  return [live.current, dispatch, live as RefObject<S>];
}
