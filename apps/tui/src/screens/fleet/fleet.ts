/**
 * The fleet: every installation in a folder (found as `tmcheck lint FOLDER` finds them) with its
 * error and warning counts, worst first. Typing filters by name or file; Enter opens the results.
 */
import { escapeControls, type DocumentResult } from '@tmcheck/lint';
import { createElement as h, useEffect, useRef, type ReactElement, type RefObject } from 'react';
import { plural } from '../../findings.js';
import { useStore } from '../../ui/live.js';
import { useKeys } from '../../ui/keys-context.js';
import { Frame } from '../../ui/frame.js';
import { inputSpans } from '../../ui/input-view.js';
import { keys } from '../../ui/keys.js';
import { atEnd, editLine, type LineEdit } from '../../ui/line-edit.js';
import { line, paragraph, span, truncate, type Line } from '../../ui/line.js';
import { OK_SYMBOL, POINTER, SEVERITY_MARK } from '../../ui/theme.js';
import type { ScreenProps } from '../../services.js';

export interface FleetRow {
  readonly file: string;
  readonly document: number;
  readonly installation: string | null;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

export interface FleetState {
  readonly rows?: readonly FleetRow[];
  readonly error?: string;
  readonly filter: LineEdit;
  /** The selected row, by file and document (so that it stays selected as the filter changes). */
  readonly selected?: string;
}

export type FleetAction =
  | { readonly type: 'loaded'; readonly rows: readonly FleetRow[] }
  | { readonly type: 'failed'; readonly error: string }
  | { readonly type: 'filter'; readonly filter: LineEdit }
  | { readonly type: 'move'; readonly by: number };

export function rowKey(row: FleetRow): string {
  return `${row.file}\u0000${row.document}`;
}

/** Worst first: most errors, then most warnings, then most infos, then by name and file. */
export function fleetRows(results: readonly DocumentResult[]): FleetRow[] {
  return results
    .map((r) => ({ file: r.filePath, document: r.document, installation: r.installation, errors: r.errorCount, warnings: r.warningCount, infos: r.infoCount }))
    .sort(
      (a, b) =>
        b.errors - a.errors ||
        b.warnings - a.warnings ||
        b.infos - a.infos ||
        (a.installation ?? '').localeCompare(b.installation ?? '') ||
        a.file.localeCompare(b.file) ||
        a.document - b.document,
    );
}

export function visibleRows(state: FleetState): readonly FleetRow[] {
  const words = state.filter.value.toLowerCase().split(/\s+/).filter((w) => w !== '');
  const rows = state.rows ?? [];
  if (words.length === 0) return rows;
  return rows.filter((r) => {
    const hay = `${r.installation ?? ''} ${r.file}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

function selectedIndex(state: FleetState, rows: readonly FleetRow[]): number {
  const i = rows.findIndex((r) => rowKey(r) === state.selected);
  return i === -1 ? 0 : i;
}

export function fleetReducer(state: FleetState, action: FleetAction): FleetState {
  switch (action.type) {
    case 'loaded': {
      const next = { ...state, rows: action.rows, error: undefined };
      const rows = visibleRows(next);
      return { ...next, selected: rows.some((r) => rowKey(r) === state.selected) ? state.selected : rows[0] ? rowKey(rows[0]) : undefined };
    }
    case 'failed':
      return { ...state, error: action.error };
    case 'filter': {
      const next = { ...state, filter: action.filter };
      const rows = visibleRows(next);
      return { ...next, selected: rows.some((r) => rowKey(r) === state.selected) ? state.selected : rows[0] ? rowKey(rows[0]) : undefined };
    }
    case 'move': {
      const rows = visibleRows(state);
      if (rows.length === 0) return state;
      const i = Math.min(Math.max(0, selectedIndex(state, rows) + action.by), rows.length - 1);
      return { ...state, selected: rowKey(rows[i] as FleetRow) };
    }
  }
}

const COUNT = 14;

export function fleetLines(state: FleetState, folder: string, columns: number): { body: Line[]; focus: { from: number; to: number } } {
  const body: Line[] = [];
  const label = ' Filter: ';
  body.push([span(label, { bold: true }), ...inputSpans(state.filter, columns - label.length, { focused: true })]);
  if (state.error) return { body: [...body, line(''), ...paragraph(`✖ ${state.error}`, columns, 1, { tone: 'error' })], focus: { from: 0, to: 0 } };
  if (!state.rows) return { body: [...body, line(''), line(span(` Reading ${escapeControls(folder)} ...`, { tone: 'muted' }))], focus: { from: 0, to: 0 } };
  const rows = visibleRows(state);
  const all = state.rows;
  const failing = all.filter((r) => r.errors > 0).length;
  body.push(line(span(` ${plural(all.length, 'installation')}, ${failing} with errors${rows.length !== all.length ? ` · ${rows.length} shown` : ''}`, { tone: 'muted' })));
  body.push(line(span(`   ${'errors'.padEnd(COUNT / 2 + 1)}${'warnings'.padEnd(COUNT / 2 + 3)}installation · file`, { tone: 'muted' })));
  if (rows.length === 0) {
    body.push(line(span(' No installation matches the filter: Backspace or Esc to clear it.', { tone: 'warning' })));
    return { body, focus: { from: 0, to: body.length - 1 } };
  }
  const at = selectedIndex(state, rows);
  let focus = { from: 0, to: 0 };
  rows.forEach((r, i) => {
    const selected = i === at;
    const worst = r.errors > 0 ? SEVERITY_MARK.error : r.warnings > 0 ? SEVERITY_MARK.warning : undefined;
    const name = r.installation === null ? '(no name)' : escapeControls(r.installation);
    const where = `${escapeControls(r.file)}${r.document > 0 ? ` #${r.document}` : ''}`;
    const lead = `${selected ? ` ${POINTER} ` : '   '}`;
    const counts = `${worst ? worst.symbol : OK_SYMBOL} ${String(r.errors).padStart(3)}    ${String(r.warnings).padStart(3)}      `;
    body.push([
      span(lead, { tone: 'accent', bold: true }),
      span(counts, { tone: worst ? worst.tone : 'ok' }),
      span(truncate(name, 30), selected ? { bold: true, inverse: true } : { bold: true }),
      span(` · ${where}`, { tone: 'muted' }),
      span(r.errors === 0 && r.warnings === 0 ? '  passes' : '', { tone: 'ok' }),
    ]);
    if (selected) focus = { from: body.length - 1, to: body.length - 1 };
  });
  return { body, focus };
}

export interface FleetProps extends ScreenProps {
  readonly folder: string;
}

function useFleetLoad(props: FleetProps, dispatch: (a: FleetAction) => void): void {
  const wasActive = useRef(false);
  useEffect(() => {
    // on first show, and each time the fleet is back on top (a file may have been fixed)
    if (props.active && !wasActive.current) {
      let cancelled = false;
      props.services
        .createLinter()
        .run([props.folder])
        .then(
          (run) => {
            if (!cancelled) dispatch({ type: 'loaded', rows: fleetRows(run.results) });
          },
          (error: unknown) => {
            if (!cancelled) dispatch({ type: 'failed', error: escapeControls(error instanceof Error ? error.message : String(error)) });
          },
        );
      wasActive.current = props.active;
      return () => {
        cancelled = true;
      };
    }
    wasActive.current = props.active;
    return undefined;
  }, [props.active, props.services, props.folder, dispatch]);
}

function useFleetInput(live: RefObject<FleetState>, dispatch: (a: FleetAction) => void, props: FleetProps): void {
  useKeys(
    (input, key) => {
      const state = live.current as FleetState;
      if (key.escape) {
        if (state.filter.value !== '') return dispatch({ type: 'filter', filter: atEnd('') });
        return props.nav.pop();
      }
      if (key.upArrow) return dispatch({ type: 'move', by: -1 });
      if (key.downArrow) return dispatch({ type: 'move', by: 1 });
      if (key.pageUp) return dispatch({ type: 'move', by: -10 });
      if (key.pageDown) return dispatch({ type: 'move', by: 10 });
      if (key.return) {
        const rows = visibleRows(state);
        const row = rows[selectedIndex(state, rows)];
        if (row) props.nav.push({ screen: 'results', file: row.file, document: row.document });
        return;
      }
      const next = editLine(state.filter, input, key);
      if (next) dispatch({ type: 'filter', filter: next });
    },
  );
}

export function FleetScreen(props: FleetProps): ReactElement {
  const [state, dispatch, live] = useStore(fleetReducer, () => ({ filter: atEnd('') }));
  useFleetLoad(props, dispatch);
  useFleetInput(live, dispatch, props);
  const { body, focus } = fleetLines(state, props.folder, props.columns);
  return h(Frame, {
    title: 'Fleet',
    context: escapeControls(props.folder),
    body,
    focus,
    help: keys(['type', 'filter'], ['↑↓', 'move'], ['Enter', 'open its results'], ['Esc', state.filter.value !== '' ? 'clear the filter' : 'back'], ['Ctrl+C', 'quit']),
    columns: props.columns,
    rows: props.rows,
    color: props.services.color,
  });
}
