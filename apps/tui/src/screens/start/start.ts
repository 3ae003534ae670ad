/** The start screen: what to do, by keyboard only. */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { escapeControls } from '@tmcheck/lint';
import { createElement as h, type ReactElement, type RefObject } from 'react';
import { useStore } from '../../ui/live.js';
import { useKeys } from '../../ui/keys-context.js';
import { Frame } from '../../ui/frame.js';
import { inputSpans } from '../../ui/input-view.js';
import { keys } from '../../ui/keys.js';
import { atEnd, editLine, type LineEdit } from '../../ui/line-edit.js';
import { line, span, type Line } from '../../ui/line.js';
import { POINTER } from '../../ui/theme.js';
import type { Route, ScreenProps } from '../../services.js';

export type StartItem = 'check' | 'new' | 'edit' | 'version' | 'quit';

export const START_ITEMS: readonly { readonly id: StartItem; readonly label: string; readonly detail: string }[] = [
  { id: 'check', label: 'Check a manifest file (or a fleet folder)', detail: 'the findings of tmcheck lint, by section; fix them here' },
  { id: 'new', label: 'Fill in a new installation', detail: 'the Mail Settings and TM Exchange dialogs, field by field, checked as you go' },
  { id: 'edit', label: 'Edit a manifest in the form', detail: 'open an existing manifest in the installation form' },
  { id: 'version', label: 'Check a build number', detail: 'is this TM Master client or Server Service new enough for OAuth2 mail?' },
  { id: 'quit', label: 'Quit', detail: '' },
];

export interface StartState {
  readonly cursor: number;
  /** Asking for a path: to check it, or to edit it. */
  readonly asking?: 'check' | 'edit';
  readonly path: LineEdit;
  readonly error?: string;
}

export type StartAction =
  | { readonly type: 'move'; readonly by: number }
  | { readonly type: 'ask'; readonly purpose: 'check' | 'edit' }
  | { readonly type: 'edit'; readonly path: LineEdit }
  | { readonly type: 'cancel' }
  | { readonly type: 'error'; readonly message: string };

export const INITIAL_START: StartState = { cursor: 0, path: atEnd('') };

export function startReducer(state: StartState, action: StartAction): StartState {
  switch (action.type) {
    case 'move':
      return { ...state, cursor: (state.cursor + action.by + START_ITEMS.length) % START_ITEMS.length };
    case 'ask':
      return { ...state, asking: action.purpose, error: undefined };
    case 'edit':
      return { ...state, path: action.path, error: undefined };
    case 'cancel':
      return { ...state, asking: undefined, error: undefined };
    case 'error':
      return { ...state, error: action.message };
  }
}

/** Where a path typed on the start screen leads: a file's results or the form, a folder's fleet; or why not. */
export function routeForPath(text: string, purpose: 'check' | 'edit', cwd: string): Route | { readonly error: string } {
  const path = text.trim();
  if (path === '') return { error: 'type the path of a manifest file, such as examples/fleet/nordic-star.yaml' };
  let folder: boolean;
  try {
    folder = statSync(resolve(cwd, path)).isDirectory();
  } catch {
    return { error: `${escapeControls(path)}: no such file or folder (relative paths start at ${escapeControls(cwd)})` };
  }
  if (purpose === 'edit') return folder ? { error: `${escapeControls(path)} is a folder: the form edits one manifest file` } : { screen: 'form', file: path };
  return folder ? { screen: 'fleet', folder: path } : { screen: 'results', file: path };
}

function useStartInput(live: RefObject<StartState>, dispatch: (a: StartAction) => void, props: ScreenProps): void {
  useKeys(
    (input, key) => {
      const state = live.current as StartState;
      if (state.asking) {
        if (key.escape) return dispatch({ type: 'cancel' });
        if (key.return) {
          const target = routeForPath(state.path.value, state.asking, props.services.cwd);
          if ('error' in target) return dispatch({ type: 'error', message: target.error });
          return props.nav.push(target);
        }
        const next = editLine(state.path, input, key);
        if (next) dispatch({ type: 'edit', path: next });
        return;
      }
      if (key.upArrow || input === 'k') return dispatch({ type: 'move', by: -1 });
      if (key.downArrow || input === 'j' || key.tab) return dispatch({ type: 'move', by: 1 });
      if (key.escape || input === 'q') return props.nav.quit();
      const digit = Number(input);
      const chosen = key.return ? START_ITEMS[state.cursor]?.id : Number.isInteger(digit) && digit >= 1 ? START_ITEMS[digit - 1]?.id : undefined;
      switch (chosen) {
        case 'check':
        case 'edit':
          return dispatch({ type: 'ask', purpose: chosen });
        case 'new':
          return props.nav.push({ screen: 'form' });
        case 'version':
          return props.nav.push({ screen: 'version' });
        case 'quit':
          return props.nav.quit();
        default:
          return;
      }
    },
  );
}

export function startLines(state: StartState, columns: number): { body: Line[]; focus: { from: number; to: number } } {
  const body: Line[] = [
    line(''),
    line(span(' Check a TM Master installation\'s OAuth2 mail settings (Microsoft 365) before the customer does.')),
    line(''),
  ];
  let focus = { from: 0, to: 0 };
  START_ITEMS.forEach((item, i) => {
    const selected = i === state.cursor;
    const from = body.length;
    body.push(line(span(selected ? ` ${POINTER} ` : '   ', { tone: 'accent', bold: true }), span(`${i + 1}  `, { tone: 'muted' }), span(item.label, selected ? { bold: true, inverse: true } : {})));
    if (item.detail) body.push(line(span(`      ${item.detail}`, { tone: 'muted' })));
    if (selected && state.asking && (item.id === 'check' || item.id === 'edit')) {
      const label = '      Path: ';
      body.push([span(label, { bold: true }), ...inputSpans(state.path, columns - label.length, { focused: true })]);
      if (state.error) body.push(line(span(`      ✖ ${state.error}`, { tone: 'error' })));
    }
    if (selected) focus = { from, to: body.length - 1 };
  });
  return { body, focus };
}

export function StartScreen(props: ScreenProps): ReactElement {
  const [state, dispatch, live] = useStore(startReducer, () => INITIAL_START);
  useStartInput(live, dispatch, props);
  const { body, focus } = startLines(state, props.columns);
  const help = state.asking
    ? keys(['type', 'the path'], ['Enter', 'open'], ['Esc', 'back to the menu'], ['Ctrl+C', 'quit'])
    : keys(['↑↓', 'move'], ['Enter', 'choose'], ['1-5', 'choose by number'], ['q', 'quit']);
  return h(Frame, { title: 'tmcheck-ui', context: 'start', body, focus, help, columns: props.columns, rows: props.rows, color: props.services.color });
}
