/**
 * The version checker: the DB version and the client and Server Service versions, judged as each
 * key is typed by @tmcheck/versions against the minimum-build table of the config that applies
 * in the working folder (as `tmcheck version` does).
 */
import { resolve } from 'node:path';
import { buildDate, buildTime, checkBuild, type BuildVerdict, type MinimumBuildTable } from '@tmcheck/versions';
import { escapeControls } from '@tmcheck/lint';
import { createElement as h, useMemo, type ReactElement, type RefObject } from 'react';
import { useStore } from '../../ui/live.js';
import { useKeys } from '../../ui/keys-context.js';
import { Frame } from '../../ui/frame.js';
import { inputSpans } from '../../ui/input-view.js';
import { keys } from '../../ui/keys.js';
import { atEnd, editLine, type LineEdit } from '../../ui/line-edit.js';
import { line, paragraph, span, width, type Line, type Tone } from '../../ui/line.js';
import { OK_SYMBOL, POINTER } from '../../ui/theme.js';
import type { ScreenProps } from '../../services.js';

export type VersionField = 'db' | 'client' | 'server';

export const VERSION_FIELDS: readonly { readonly id: VersionField; readonly label: string; readonly placeholder: string }[] = [
  { id: 'db', label: 'DB version', placeholder: 'such as 664 (blank: the DB part of each version)' },
  { id: 'client', label: 'Client version', placeholder: 'such as 2.664.8271.20345' },
  { id: 'server', label: 'Server Service', placeholder: 'such as 2.664.8271.20345 (needed for TM Exchange)' },
];

export interface VersionState {
  readonly focus: number;
  readonly values: Readonly<Record<VersionField, LineEdit>>;
}

export type VersionAction = { readonly type: 'move'; readonly by: number } | { readonly type: 'edit'; readonly edit: LineEdit };

export function initialVersionState(client = ''): VersionState {
  return { focus: client === '' ? 1 : 1, values: { db: atEnd(''), client: atEnd(client), server: atEnd('') } };
}

export function versionReducer(state: VersionState, action: VersionAction): VersionState {
  switch (action.type) {
    case 'move':
      return { ...state, focus: (state.focus + action.by + VERSION_FIELDS.length) % VERSION_FIELDS.length };
    case 'edit': {
      const field = VERSION_FIELDS[state.focus]?.id ?? 'client';
      return { ...state, values: { ...state.values, [field]: action.edit } };
    }
  }
}

/** The verdict in words, by status: colour is never the only sign. */
const VERDICT: Readonly<Record<BuildVerdict['status'], { readonly words: string; readonly symbol: string; readonly tone: Tone }>> = {
  ok: { words: 'OK:', symbol: OK_SYMBOL, tone: 'ok' },
  'below-minimum': { words: 'too old:', symbol: '✖', tone: 'error' },
  'db-mismatch': { words: 'wrong DB:', symbol: '✖', tone: 'error' },
  'unsupported-db': { words: 'DB too old:', symbol: '✖', tone: 'error' },
  'unknown-db': { words: 'unknown:', symbol: '⚠', tone: 'warning' },
  'wrong-major': { words: 'not TM Master V2:', symbol: '✖', tone: 'error' },
  invalid: { words: 'not a version:', symbol: '✖', tone: 'error' },
};

/** The DB version typed, as a number; undefined when blank; an error text when it is not a DB version. */
export function parseDb(text: string): number | undefined | { readonly error: string } {
  const t = text.trim();
  if (t === '') return undefined;
  if (!/^(?:0|[1-9]\d{0,4})$/.test(t) || Number(t) > 65534) return { error: `"${escapeControls(t)}" is not a DB version: type a whole number such as 664` };
  return Number(t);
}

const LABEL = 17;

/** The lines that judge one version: the verdict, the caret under a bad character, the build dates. */
export function verdictLines(input: string, db: number | undefined, table: MinimumBuildTable, columns: number): Line[] {
  if (input.trim() === '') return [];
  const verdict = checkBuild(db === undefined ? { version: input, table } : { version: input, db, table });
  const mark = VERDICT[verdict.status];
  const indent = LABEL + 2;
  const out: Line[] = [];
  const head = `${mark.symbol} ${mark.words} `;
  const reason = verdict.status === 'invalid' ? (verdict.error?.message ?? verdict.reason) : verdict.reason;
  paragraph(`${head}${escapeControls(reason)}`, columns, indent).forEach((l, i) => out.push(i === 0 ? [span(' '.repeat(indent)), span(head, { tone: mark.tone, bold: true }), span((l[1]?.text ?? '').slice(head.length))] : l));
  const column = verdict.error?.column;
  if (column !== undefined && width(input) < columns - indent - 1) {
    // the caret under the bad character, the input repeated above it
    out.push([span(' '.repeat(indent)), span(escapeControls(input), { tone: 'muted' })]);
    out.push([span(' '.repeat(indent + column - 1)), span('^', { tone: 'error', bold: true }), span(` ${verdict.error?.expected ? `expected ${verdict.error.expected}` : ''}`, { tone: 'muted' })]);
  }
  const v = verdict.version;
  if (v) {
    const time = v.revision === undefined ? undefined : buildTime(v.revision);
    out.push(...paragraph(`built on ${buildDate(v.build)}${time ? ` at ${time}` : ''} (build ${v.build} = days since 2000-01-01)`, columns, indent));
    if (verdict.minimumBuild !== null) {
      out.push(...paragraph(`minimum for DB ${verdict.db}: build ${verdict.minimumBuild}, built on ${buildDate(verdict.minimumBuild)}`, columns, indent));
    }
  }
  return out;
}

export function versionLines(state: VersionState, table: MinimumBuildTable, tableSource: string, columns: number): { body: Line[]; focus: { from: number; to: number } } {
  const body: Line[] = [line(''), ...paragraph(`Minimum builds: ${tableSource}. ${[...table].map(([db, build]) => `DB ${db}: ${build}`).join(', ')}.`, columns, 1, { tone: 'muted' }), line('')];
  const db = parseDb(state.values.db.value);
  let focus = { from: 0, to: 0 };
  VERSION_FIELDS.forEach((field, i) => {
    const focused = i === state.focus;
    const from = body.length;
    const label = `${focused ? POINTER : ' '} ${field.label}`.padEnd(LABEL + 1);
    body.push([span(label, { bold: focused, tone: focused ? 'accent' : undefined }), span(' '), ...inputSpans(state.values[field.id], columns - LABEL - 3, { focused, placeholder: field.placeholder })]);
    if (field.id === 'db') {
      if (typeof db === 'object') body.push([span(' '.repeat(LABEL + 2)), span(`✖ ${db.error}`, { tone: 'error' })]);
    } else {
      body.push(...verdictLines(state.values[field.id].value, typeof db === 'number' ? db : undefined, table, columns));
    }
    body.push(line(''));
    if (focused) focus = { from, to: body.length - 1 };
  });
  return { body, focus };
}

function useVersionInput(live: RefObject<VersionState>, dispatch: (a: VersionAction) => void, props: ScreenProps): void {
  useKeys(
    (input, key) => {
      const state = live.current as VersionState;
      if (key.escape) return props.nav.pop();
      if (key.upArrow || (key.tab && key.shift)) return dispatch({ type: 'move', by: -1 });
      if (key.downArrow || key.tab || key.return) return dispatch({ type: 'move', by: 1 });
      const field = VERSION_FIELDS[state.focus]?.id ?? 'client';
      const next = editLine(state.values[field], input, key);
      if (next) dispatch({ type: 'edit', edit: next });
    },
  );
}

export function VersionScreen(props: ScreenProps & { readonly initial?: string }): ReactElement {
  const [state, dispatch, live] = useStore(versionReducer, () => initialVersionState(props.initial ?? ''));
  useVersionInput(live, dispatch, props);
  const { table, source } = useMemo(() => {
    const linter = props.services.createLinter();
    const where = resolve(props.services.cwd, 'manifest.yaml');
    const file = linter.resolveConfigFor(where).configFile;
    return { table: linter.configFor(where).minimumBuilds, source: file ? `from ${escapeControls(file)}` : 'the built-in table' };
  }, [props.services]);
  const { body, focus } = versionLines(state, table, source, props.columns);
  return h(Frame, {
    title: 'Version checker',
    context: 'TM Master V2 builds for OAuth2 mail',
    body,
    focus,
    help: keys(['type', 'a version'], ['↑↓ Tab', 'next field'], ['Esc', 'back'], ['Ctrl+C', 'quit']),
    columns: props.columns,
    rows: props.rows,
    color: props.services.color,
  });
}
