/**
 * The results of one manifest file: the findings of `tmcheck lint` (the same findings, messages and
 * rule IDs), grouped by section, errors first. Enter shows a finding's rule page and fix, `f` applies
 * the safe fixes with the writer of `tmcheck lint --fix`, `r` reads the file again, `e` opens the
 * finding's field in the form.
 */
import { resolve } from 'node:path';
import { escapeControls, fixFile, type DocumentResult, type Finding, type Linter } from '@tmcheck/lint';
import { createElement as h, useEffect, useRef, type ReactElement, type RefObject } from 'react';
import { countResults, describeFix, flatten, groupFindings, plural } from '../../findings.js';
import { useStore } from '../../ui/live.js';
import { useKeys } from '../../ui/keys-context.js';
import { Frame } from '../../ui/frame.js';
import { keys } from '../../ui/keys.js';
import { line, paragraph, span, truncate, type Line, type Tone } from '../../ui/line.js';
import { OK_SYMBOL, POINTER, SEVERITY_MARK } from '../../ui/theme.js';
import type { ScreenProps } from '../../services.js';

export interface Status {
  readonly tone: Tone;
  readonly text: string;
}

export interface ResultsState {
  readonly results?: readonly DocumentResult[];
  /** Why the file could not be read. */
  readonly error?: string;
  readonly cursor: number;
  readonly status?: Status;
}

export type ResultsAction =
  | { readonly type: 'loaded'; readonly results: readonly DocumentResult[]; readonly status?: Status }
  | { readonly type: 'failed'; readonly error: string }
  | { readonly type: 'move'; readonly by: number }
  | { readonly type: 'status'; readonly status: Status };

export function resultsReducer(state: ResultsState, action: ResultsAction): ResultsState {
  switch (action.type) {
    case 'loaded': {
      const total = flatten(groupFindings(action.results)).length;
      return { results: action.results, cursor: Math.min(state.cursor, Math.max(0, total - 1)), ...(action.status ? { status: action.status } : {}) };
    }
    case 'failed':
      return { cursor: 0, error: action.error };
    case 'move': {
      const total = state.results ? flatten(groupFindings(state.results)).length : 0;
      return { ...state, cursor: Math.min(Math.max(0, state.cursor + action.by), Math.max(0, total - 1)) };
    }
    case 'status':
      return { ...state, status: action.status };
  }
}

/** Lints a file as `tmcheck lint FILE` does; a file that cannot be read is an error to show. */
export function loadResults(linter: Linter, file: string): ResultsAction {
  try {
    return { type: 'loaded', results: linter.inspectFile(file).map((d) => d.result) };
  } catch (error) {
    return { type: 'failed', error: escapeControls(error instanceof Error ? error.message : String(error)) };
  }
}

/** Applies the safe fixes of a file (as `tmcheck lint --fix FILE`) and reads it again. */
export function applyFixes(linter: Linter, file: string, cwd: string): ResultsAction {
  try {
    const run = fixFile(resolve(cwd, file), linter, { filePath: file });
    const after = loadResults(linter, file);
    const refused = run.refused.length > 0 ? `; ${plural(run.refused.length, 'fix')} refused: ${run.refused[0]?.message ?? ''}` : '';
    const status: Status =
      run.applied.length === 0
        ? { tone: run.refused.length > 0 ? 'warning' : 'muted', text: `No safe fix to apply${refused}` }
        : { tone: run.refused.length > 0 ? 'warning' : 'ok', text: `${OK_SYMBOL} ${plural(run.applied.length, 'fix')} applied and saved to ${escapeControls(file)} (comments and layout kept)${refused}` };
    return after.type === 'loaded' ? { ...after, status } : after;
  } catch (error) {
    return { type: 'status', status: { tone: 'error', text: `✖ ${escapeControls(error instanceof Error ? error.message : String(error))}` } };
  }
}

export function findingRow(f: Finding, selected: boolean, columns: number): Line[] {
  const mark = SEVERITY_MARK[f.severity];
  const head: Line = [
    span(selected ? ` ${POINTER} ` : '   ', { tone: 'accent', bold: true }),
    span(`${mark.symbol} ${mark.word.padEnd(7)}`, { tone: mark.tone, bold: selected }),
    span(` ${`${f.line}:${f.column}`.padEnd(6)} `, { tone: 'muted' }),
  ];
  const used = head.reduce((n, s) => n + [...s.text].length, 0);
  if (!selected) return [[...head, span(truncate(f.message, columns - used))]];
  const out: Line[] = [];
  paragraph(f.message, columns, used).forEach((l, i) => out.push(i === 0 ? [...head, span(l[1]?.text ?? '', { bold: true })] : l));
  const fix = f.fix ? `safe fix: ${describeFix(f.fix)} (f)` : 'no safe fix: change it by hand (Enter: how)';
  out.push(...paragraph(`${f.ruleId} · ${fix}`, columns, used, { tone: 'muted' }));
  return out;
}

export function resultsLines(state: ResultsState, file: string, columns: number): { body: Line[]; focus: { from: number; to: number } } {
  const body: Line[] = [];
  if (state.error) return { body: [line(''), ...paragraph(`✖ ${state.error}`, columns, 1, { tone: 'error' })], focus: { from: 0, to: 0 } };
  const results = state.results ?? [];
  const names = [...new Set(results.map((r) => r.installation).filter((n): n is string => n !== null))];
  const c = countResults(results);
  body.push(line(span(` ${names.length > 0 ? escapeControls(names.join(', ')) : '(no installation name)'}`, { bold: true }), span(` · ${plural(results.length, 'installation')}`, { tone: 'muted' })));
  const summary: Line = [
    span(' '),
    span(`${SEVERITY_MARK.error.symbol} ${plural(c.errors, 'error')}`, { tone: c.errors > 0 ? 'error' : 'muted' }),
    span(' · '),
    span(`${SEVERITY_MARK.warning.symbol} ${plural(c.warnings, 'warning')}`, { tone: c.warnings > 0 ? 'warning' : 'muted' }),
    span(' · '),
    span(`${SEVERITY_MARK.info.symbol} ${plural(c.infos, 'info')}`, { tone: c.infos > 0 ? 'info' : 'muted' }),
    span(c.fixable > 0 ? ` · ${c.fixable} with a safe fix (press f)` : ''),
  ];
  body.push(summary);
  const groups = groupFindings(results);
  if (groups.length === 0) {
    body.push(line(''), line(span(` ${OK_SYMBOL} No problems found: tmcheck lint passes this file.`, { tone: 'ok', bold: true })));
    return { body, focus: { from: 0, to: body.length - 1 } };
  }
  let index = 0;
  let focus = { from: 0, to: 0 };
  for (const g of groups) {
    body.push(line(''));
    const mark = SEVERITY_MARK[g.worst];
    body.push(
      line(
        span(` ${g.installation !== null ? `${escapeControls(g.installation)} › ` : ''}${g.section}`, { bold: true, tone: 'accent' }),
        span(`  ${mark.symbol} ${plural(g.findings.length, 'finding')}`, { tone: mark.tone }),
      ),
    );
    g.findings.forEach((f, i) => {
      const selected = index === state.cursor;
      const from = body.length;
      body.push(...findingRow(f, selected, columns));
      // the first finding of a group brings its heading into view
      if (selected) focus = { from: i === 0 ? from - 1 : from, to: body.length - 1 };
      index++;
    });
  }
  return { body, focus };
}

function useResultsInput(live: RefObject<ResultsState>, dispatch: (a: ResultsAction) => void, props: ResultsProps): void {
  useKeys(
    (input, key) => {
      const state = live.current as ResultsState;
      const selected = state.results ? flatten(groupFindings(state.results))[state.cursor] : undefined;
      if (key.escape) return props.nav.pop();
      if (input === 'q') return props.nav.quit();
      if (key.upArrow || input === 'k') return dispatch({ type: 'move', by: -1 });
      if (key.downArrow || input === 'j') return dispatch({ type: 'move', by: 1 });
      if (key.pageUp) return dispatch({ type: 'move', by: -5 });
      if (key.pageDown) return dispatch({ type: 'move', by: 5 });
      if (input === 'r') {
        const next = loadResults(props.services.createLinter(), props.file);
        return dispatch(next.type === 'loaded' ? { ...next, status: { tone: 'muted', text: `Read ${escapeControls(props.file)} again` } } : next);
      }
      if (input === 'f') return dispatch(applyFixes(props.services.createLinter(), props.file, props.services.cwd));
      if (key.return && selected) return props.nav.push({ screen: 'doc', ruleId: selected.ruleId, file: props.file, finding: selected });
      if (input === 'e') {
        const doc = state.results?.find((r) => r.messages.includes(selected as Finding))?.document ?? props.document ?? 0;
        return props.nav.push({ screen: 'form', file: props.file, document: doc, ...(selected ? { focus: selected.pointer } : {}) });
      }
    },
  );
}

export interface ResultsProps extends ScreenProps {
  readonly file: string;
  readonly document?: number;
  /** What brought the user here (a file just saved), shown on the status line. */
  readonly notice?: string;
}

export function ResultsScreen(props: ResultsProps): ReactElement {
  const [state, dispatch, live] = useStore(resultsReducer, () => {
    const loaded = loadResults(props.services.createLinter(), props.file);
    const status: Status | undefined = props.notice ? { tone: 'ok', text: props.notice } : undefined;
    return resultsReducer({ cursor: 0 }, loaded.type === 'loaded' && status ? { ...loaded, status } : loaded);
  });
  useResultsInput(live, dispatch, props);
  // back on top (from the form, a rule page): the file may have changed
  const wasActive = useRef(props.active);
  useEffect(() => {
    if (props.active && !wasActive.current) dispatch(loadResults(props.services.createLinter(), props.file));
    wasActive.current = props.active;
  }, [props.active, props.services, props.file]);
  const { body, focus } = resultsLines(state, props.file, props.columns);
  const c = countResults(state.results ?? []);
  return h(Frame, {
    title: 'Results',
    context: escapeControls(props.file),
    body,
    focus,
    ...(state.status ? { status: [span(` ${state.status.text}`, { tone: state.status.tone })] } : {}),
    help: keys(['↑↓', 'move'], ['Enter', 'rule page & fix'], ['f', `apply safe fixes${c.fixable > 0 ? ` (${c.fixable})` : ''}`], ['r', 're-read'], ['e', 'edit field in form'], ['Esc', 'back'], ['q', 'quit']),
    columns: props.columns,
    rows: props.rows,
    color: props.services.color,
  });
}
