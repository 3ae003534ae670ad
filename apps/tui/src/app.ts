/**
 * The app: a stack of screens (Esc goes back), the top one drawn at the terminal's size and given
 * the keys. Screens below stay mounted but hidden, so that coming back finds them as they were.
 */
import { Box, useApp, useInput, type Key } from 'ink';
import { createElement as h, useCallback, useLayoutEffect, useMemo, useRef, type ReactElement } from 'react';
import { DocScreen } from './screens/doc/rule-doc.js';
import { FleetScreen } from './screens/fleet/fleet.js';
import { FormScreen } from './screens/form/form.js';
import { ResultsScreen } from './screens/results/results.js';
import { StartScreen } from './screens/start/start.js';
import { VersionScreen } from './screens/version/version-checker.js';
import type { Navigation, Route, ScreenProps, Services } from './services.js';
import { KeysContext, type KeyHandler } from './ui/keys-context.js';
import { useStore } from './ui/live.js';
import { MIN_SIZE, useTerminalSize } from './ui/terminal-size.js';

export interface AppProps {
  readonly services: Services;
  readonly start: Route;
  /** Called once when the user quits. */
  readonly onQuit?: () => void;
}

export interface Entry {
  readonly id: number;
  readonly route: Route;
}

export type StackAction = { readonly type: 'push' | 'replace'; readonly route: Route } | { readonly type: 'pop' };

/** The screens open, the one on top last; each entry has its own id (a screen opened again starts afresh). */
export function stackReducer(stack: readonly Entry[], action: StackAction): readonly Entry[] {
  const id = Math.max(...stack.map((e) => e.id)) + 1;
  switch (action.type) {
    case 'push':
      return [...stack, { id, route: action.route }];
    case 'replace':
      return [...stack.slice(0, -1), { id, route: action.route }];
    case 'pop':
      return stack.length > 1 ? stack.slice(0, -1) : stack;
  }
}

function screenFor(route: Route, props: ScreenProps): ReactElement {
  switch (route.screen) {
    case 'start':
      return h(StartScreen, props);
    case 'version':
      return h(VersionScreen, { ...props, ...(route.initial !== undefined ? { initial: route.initial } : {}) });
    case 'form':
      return h(FormScreen, { ...props, ...(route.file !== undefined ? { file: route.file } : {}), ...(route.document !== undefined ? { document: route.document } : {}), ...(route.focus !== undefined ? { focus: route.focus } : {}) });
    case 'results':
      return h(ResultsScreen, { ...props, file: route.file, ...(route.document !== undefined ? { document: route.document } : {}), ...(route.notice !== undefined ? { notice: route.notice } : {}) });
    case 'fleet':
      return h(FleetScreen, { ...props, folder: route.folder });
    case 'doc':
      return h(DocScreen, { ...props, finding: route.finding });
  }
}

const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

/**
 * The keypresses in a chunk of input: Ink gives characters that arrive together (tmux, a paste, a fast
 * typist) as one input, Enter and Tab included; each becomes its own keypress, as if typed one by one.
 */
export function keypresses(input: string, key: Key): [string, Key][] {
  const chars = [...input];
  if (chars.length <= 1 || key.ctrl || key.meta) return [[input, key]];
  return chars.map((c): [string, Key] => {
    const code = c.charCodeAt(0);
    if (c === '\r' || c === '\n') return ['', { ...NO_KEY, return: true }];
    if (c === '\t') return ['', { ...NO_KEY, tab: true }];
    if (c === '\u007f') return ['', { ...NO_KEY, delete: true }];
    if (c === '\b') return ['', { ...NO_KEY, backspace: true }];
    if (code >= 1 && code <= 26) return [String.fromCharCode(code + 96), { ...NO_KEY, ctrl: true }];
    return [c, NO_KEY];
  });
}

export function App(props: AppProps): ReactElement {
  const size = useTerminalSize();
  const { exit } = useApp();
  const [stack, dispatch, live] = useStore(stackReducer, () => [{ id: 0, route: props.start }]);
  const handlers = useRef(new Map<number, KeyHandler>());
  const held = useRef<[string, Key][]>([]);
  const quitted = useRef(false);
  const quit = useCallback(() => {
    if (quitted.current) return;
    quitted.current = true;
    props.onQuit?.();
    exit();
  }, [exit, props.onQuit]);
  const nav: Navigation = useMemo(
    () => ({
      push: (route) => dispatch({ type: 'push', route }),
      pop: () => ((live.current?.length ?? 0) <= 1 ? quit() : dispatch({ type: 'pop' })),
      replace: (route) => dispatch({ type: 'replace', route }),
      quit,
    }),
    [dispatch, live, quit],
  );
  /** Gives held keys to the screen on top, as long as it has a handler (a key may open a screen not drawn yet). */
  const deliver = useCallback(() => {
    while (held.current.length > 0 && !quitted.current) {
      const top = live.current?.at(-1);
      const handler = top ? handlers.current.get(top.id) : undefined;
      if (!handler) return;
      const [input, key] = held.current.shift() as [string, Key];
      handler(input, key);
    }
  }, [live]);
  useInput(
    useCallback(
      (input: string, key: Key) => {
        held.current.push(...keypresses(input, key));
        deliver();
      },
      [deliver],
    ),
  );
  useLayoutEffect(() => deliver());
  const columns = Math.max(MIN_SIZE.columns, size.columns);
  const rows = Math.max(MIN_SIZE.rows, size.rows);
  const alive = new Set(stack.map((e) => e.id));
  for (const id of [...handlers.current.keys()]) if (!alive.has(id)) handlers.current.delete(id);
  return h(
    Box,
    { flexDirection: 'column' },
    ...stack.map((entry, i) => {
      const active = i === stack.length - 1;
      const register = (handler: KeyHandler): void => {
        handlers.current.set(entry.id, handler);
      };
      return h(
        KeysContext.Provider,
        { key: entry.id, value: register },
        h(Box, { display: active ? 'flex' : 'none', flexDirection: 'column' }, screenFor(entry.route, { services: props.services, nav, columns, rows, active })),
      );
    }),
  );
}
