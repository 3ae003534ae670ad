/**
 * The installation form: the fields of the TM Master dialogs in the guide's order, each with the
 * guide's hint; checked by the linter as soon as a field is typed in or left, the finding beside
 * it; secrets masked and saved as `${NAME}` references unless the user asks otherwise; at the end,
 * the full findings and "save as".
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { escapeControls, type Finding, type ManifestView } from '@tmcheck/lint';
import { createElement as h, useMemo, useRef, type ReactElement, type RefObject } from 'react';
import { countResults, plural } from '../../findings.js';
import { useStore } from '../../ui/live.js';
import { useKeys } from '../../ui/keys-context.js';
import { Frame } from '../../ui/frame.js';
import { inputSpans } from '../../ui/input-view.js';
import { keys } from '../../ui/keys.js';
import { atEnd, editLine } from '../../ui/line-edit.js';
import { line, paragraph, span, truncate, type Line, type Span } from '../../ui/line.js';
import { OK_SYMBOL, POINTER, SEVERITY_MARK } from '../../ui/theme.js';
import type { ScreenProps } from '../../services.js';
import { applicableFields, FILLS_AZURE, MAIL_SEND, MAILBOX_GRANT, POP_ACCESS, USES_EXCHANGE, type FormField } from './form-fields.js';
import { buildManifest, checkValues, fieldOfFinding, findingsByPlace, isLiteralSecret, prescribedValues, storedSecret, typedValue, valuesFromView, type Storage } from './form-model.js';
import { focusFor, formReducer, REVIEW, type FormAction, type FormState } from './form-state.js';
import { editManifestText, fileNameFor, newManifestText, readIfThere, saveFile, schemaReference, type Change } from './save.js';

const LABEL = 27;

/** An existing manifest opened for editing. */
export interface Opened {
  readonly file: string;
  readonly document: number;
  readonly view: ManifestView;
  readonly text: string;
  readonly bytes: Uint8Array;
}

export interface FormProps extends ScreenProps {
  readonly file?: string;
  readonly document?: number;
  /** A finding's pointer: the field to start at. */
  readonly focus?: string;
}

/** Reads a manifest for editing: its document's typed view, as the linter read it. */
export function openManifest(props: Pick<FormProps, 'services' | 'file' | 'document'>): Opened | { readonly error: string } | undefined {
  if (props.file === undefined) return undefined;
  const document = props.document ?? 0;
  try {
    const docs = props.services.createLinter().inspectFile(props.file);
    const doc = docs[document];
    if (!doc?.view) return { error: `${escapeControls(props.file)} does not read as a manifest (see its results): fix that by hand first` };
    const bytes = readFileSync(resolve(props.services.cwd, props.file));
    const text = Buffer.from(bytes).toString('utf8').replace(/^\uFEFF/, '');
    return { file: props.file, document, view: doc.view, text, bytes };
  } catch (error) {
    return { error: escapeControls(error instanceof Error ? error.message : String(error)) };
  }
}

export function initialFormState(opened: Opened | undefined, focus?: string): FormState {
  const values = opened ? valuesFromView(opened.view) : prescribedValues();
  const storage: Record<string, Storage> = {};
  // a secret already written in the file stays as it is unless it is typed anew
  for (const f of applicableFields(values)) if (f.kind === 'secret' && isLiteralSecret(values[f.pointer])) storage[f.pointer] = 'literal';
  const start = focusFor(values, focus, fieldOfFinding);
  return {
    values,
    initial: values,
    storage,
    focus: start,
    cursor: typeof values[start] === 'string' ? [...(values[start] as string)].length : 0,
    touched: opened ? new Set(applicableFields(values).map((f) => f.pointer)) : new Set(),
    savePath: atEnd(opened ? opened.file : ''),
  };
}

function valueSpans(field: FormField, state: FormState, focused: boolean, room: number): Span[] {
  const v = state.values[field.pointer];
  if (field.kind === 'boolean') {
    const text = v === true ? '[x] yes' : v === false ? '[ ] no' : '[ ] not filled in';
    return [span(text, { ...(focused ? { inverse: true } : {}), ...(v === undefined ? { tone: 'muted' as const } : {}) })];
  }
  if (field.kind === 'choice') {
    const text = typeof v === 'string' && v !== '' ? `‹ ${v} ›` : `(${(field.choices ?? []).join(' or ')})`;
    return [span(text, { ...(focused ? { inverse: true } : {}), ...(v === undefined ? { tone: 'muted' as const } : {}) })];
  }
  const text = typeof v === 'string' ? v : '';
  const mask = field.kind === 'secret' && isLiteralSecret(text);
  return inputSpans({ value: text, cursor: state.cursor }, room, { focused, mask, ...(field.placeholder ? { placeholder: field.placeholder } : {}) });
}

function findingLines(findings: readonly Finding[], columns: number, indent: number, full: boolean): Line[] {
  const out: Line[] = [];
  for (const f of findings) {
    const mark = SEVERITY_MARK[f.severity];
    const head = `${mark.symbol} ${mark.word}: `;
    const tail = `  ${f.ruleId}`;
    if (!full) {
      out.push([span(' '.repeat(indent)), span(head, { tone: mark.tone }), span(truncate(f.message, columns - indent - head.length))]);
      continue;
    }
    paragraph(`${head}${f.message}${tail}`, columns, indent).forEach((l, i) => {
      const t = l[1]?.text ?? '';
      out.push(i === 0 ? [span(' '.repeat(indent)), span(head, { tone: mark.tone, bold: true }), span(t.slice(head.length))] : l);
    });
  }
  return out;
}

function secretNote(field: FormField, state: FormState): string | undefined {
  const typed = state.values[field.pointer];
  if (typeof typed !== 'string' || typed.trim() === '') return undefined;
  if (!isLiteralSecret(typed)) return 'a reference to an environment variable: saved as written';
  const storage = state.storage[field.pointer];
  if (storage === 'literal') return 'saved as typed, in the file (you asked): tmcheck lint warns about it';
  if (storage === 'reference') return `saved as ${storedSecret(field, typed, 'reference')}: set that variable where tmcheck probe runs`;
  return `masked; when you leave the field you choose how to save it (${field.variable ?? '${NAME}'} by default)`;
}

export interface FormView {
  readonly body: Line[];
  readonly focus: { from: number; to: number };
}

export function formLines(state: FormState, findings: readonly Finding[], columns: number, target: string): FormView {
  const fields = applicableFields(state.values);
  const { byField, byGroup, other } = findingsByPlace(findings, fields);
  const body: Line[] = [];
  let focus = { from: 0, to: 0 };
  let group = '';
  for (const field of fields) {
    if (field.group !== group) {
      group = field.group;
      body.push(line(''));
      body.push([span(` ${group}`, { bold: true, tone: 'accent' }), span(`  ${field.dialog}`, { tone: 'muted' })]);
      const about = byGroup.get(group) ?? [];
      if (about.length > 0 && fields.some((f) => f.group === group && state.touched.has(f.pointer))) body.push(...findingLines(about, columns, 3, false));
    }
    const focused = field.pointer === state.focus;
    const from = body.length;
    const own = state.touched.has(field.pointer) ? (byField.get(field.pointer) ?? []) : [];
    const label = `${focused ? ` ${POINTER} ` : '   '}${field.label}`;
    const room = columns - LABEL - 4;
    const marker: Span[] = [];
    if (!focused && own.length > 0) {
      const worst = SEVERITY_MARK[own[0]?.severity ?? 'error'];
      marker.push(span(`  ${worst.symbol}`, { tone: worst.tone, bold: true }));
    } else if (!focused && state.touched.has(field.pointer) && state.values[field.pointer] !== undefined && state.values[field.pointer] !== '') {
      marker.push(span(`  ${OK_SYMBOL}`, { tone: 'ok' }));
    }
    body.push([span(truncate(label, LABEL).padEnd(LABEL + 1), { bold: focused, ...(focused ? { tone: 'accent' as const } : {}) }), ...valueSpans(field, state, focused, room), ...marker]);
    if (focused) {
      body.push(...paragraph(field.hint, columns, 5, { tone: 'muted' }));
      if (field.kind === 'secret') {
        const note = secretNote(field, state);
        if (note) body.push(...paragraph(`(secret) ${note}`, columns, 5, { tone: 'info' }));
      }
      body.push(...findingLines(own, columns, 5, true));
      if (state.question?.pointer === field.pointer) {
        const q = state.question;
        body.push(...paragraph('Save this secret in the file as:', columns, 5, { bold: true }));
        const options = [`the reference ${field.variable ?? '${NAME}'} (recommended: set that environment variable where tmcheck probe runs)`, 'the secret itself, written in the file (anyone who reads the file can use it)'];
        options.forEach((o, i) => {
          const chosen = q.choice === i;
          body.push([span(chosen ? `     ${POINTER} ` : '       ', { tone: 'accent', bold: true }), span(chosen ? '(•) ' : '( ) '), span(truncate(o, columns - 12), chosen ? { bold: true } : {})]);
        });
      }
    } else if (own.length > 0) {
      body.push(...findingLines(own.slice(0, 1), columns, 5, false));
    }
    if (focused) focus = { from, to: body.length - 1 };
  }
  // the last step: every finding, and "save as"
  body.push(line(''));
  body.push(line(span(' Review and save', { bold: true, tone: 'accent' }), span('  the findings of tmcheck lint on this manifest', { tone: 'muted' })));
  const reviewFrom = body.length - 1;
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const infos = findings.length - errors - warnings;
  body.push([
    span('   '),
    span(`${SEVERITY_MARK.error.symbol} ${plural(errors, 'error')}`, { tone: errors > 0 ? 'error' : 'muted' }),
    span(' · '),
    span(`${SEVERITY_MARK.warning.symbol} ${plural(warnings, 'warning')}`, { tone: warnings > 0 ? 'warning' : 'muted' }),
    span(' · '),
    span(`${SEVERITY_MARK.info.symbol} ${plural(infos, 'info')}`, { tone: infos > 0 ? 'info' : 'muted' }),
    span(findings.length === 0 ? `   ${OK_SYMBOL} tmcheck lint will pass it` : '', { tone: 'ok' }),
  ]);
  const review = state.focus === REVIEW;
  if (review) body.push(...findingLines([...findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : b.severity === 'error' ? 1 : 0)), columns, 3, false));
  else if (other.length > 0) body.push(...findingLines(other, columns, 3, false));
  const label = `${review ? ` ${POINTER} ` : '   '}Save as`;
  body.push([span(label.padEnd(LABEL + 1), { bold: review, ...(review ? { tone: 'accent' as const } : {}) }), ...inputSpans(state.savePath, columns - LABEL - 4, { focused: review, placeholder: target })]);
  if (review) {
    body.push(...paragraph(`YAML, with "# yaml-language-server: $schema=${schemaReference(resolve(target))}" on top; written atomically.`, columns, 5, { tone: 'muted' }));
    const secrets = fields.filter((f) => f.kind === 'secret' && isLiteralSecret(state.values[f.pointer]));
    const literal = secrets.filter((f) => state.storage[f.pointer] === 'literal').length;
    if (secrets.length > 0) body.push(...paragraph(literal > 0 ? `(secret) ${plural(literal, 'secret')} written as typed (you asked); the others as \${NAME} references.` : '(secret) Secrets are written as ${NAME} references, never as typed.', columns, 5, { tone: 'info' }));
  }
  return { body, focus: review ? { from: reviewFrom, to: body.length - 1 } : focus };
}

/** The changes the form makes to an opened manifest. */
export function changesFor(opened: Opened, state: FormState): Change[] {
  const changes: Change[] = [];
  const { values, initial } = state;
  const saved = buildManifest(values, state.storage);
  if (initial[USES_EXCHANGE] !== false && values[USES_EXCHANGE] === false) changes.push({ pointer: '/exchange', value: undefined }, { pointer: '/serverService', value: undefined });
  if (initial[FILLS_AZURE] !== false && values[FILLS_AZURE] === false) changes.push({ pointer: '/azure', value: undefined });
  const fields = applicableFields(values);
  let lists = false;
  for (const f of fields) {
    if (f.pointer.startsWith('#')) continue;
    const before = initial[f.pointer];
    const after = values[f.pointer];
    const secretRestored = f.kind === 'secret' && isLiteralSecret(after) && state.storage[f.pointer] === 'reference';
    if (before === after && !secretRestored) continue;
    if (f.pointer === MAIL_SEND || f.pointer === POP_ACCESS || f.pointer === MAILBOX_GRANT) {
      lists = true;
      continue;
    }
    if (after === undefined || after === '') changes.push({ pointer: f.pointer, value: undefined });
    else if (typeof after === 'boolean') changes.push({ pointer: f.pointer, value: after });
    else if (f.kind === 'secret') changes.push({ pointer: f.pointer, value: storedSecret(f, after, state.storage[f.pointer]) });
    else changes.push({ pointer: f.pointer, value: typedValue(f, after) });
  }
  if (lists) {
    // the entries the form manages, beside the ones it does not ask for (kept as they are)
    const azure = saved['azure'] as Record<string, unknown> | undefined;
    const managed = new Set(['Mail.Send', 'POP.AccessAsApp']);
    const kept = (opened.view.azure?.permissions ?? []).filter((p) => p && !managed.has(String(p.name)));
    const permissions = [...kept, ...((azure?.['permissions'] as unknown[]) ?? [])];
    if (permissions.length > 0) changes.push({ pointer: '/azure/permissions', value: permissions });
    const grants = (azure?.['exchangeOnline'] as Record<string, unknown> | undefined)?.['mailboxPermissions'];
    if (grants !== undefined || values[MAILBOX_GRANT] === false) changes.push({ pointer: '/azure/exchangeOnline/mailboxPermissions', value: grants ?? [] });
  }
  return changes;
}

/** Saves the form; the path saved to (relative to cwd) or the reason it was not saved. */
export function saveForm(state: FormState, opened: Opened | undefined, cwd: string, target: string): { readonly saved: string } | { readonly error: string } {
  const full = resolve(cwd, target);
  const schema = schemaReference(full);
  try {
    const sameFile = opened !== undefined && resolve(cwd, opened.file) === full;
    const text = opened ? editManifestText(opened.text, opened.document, changesFor(opened, state), schema) : newManifestText(buildManifest(state.values, state.storage), schema);
    saveFile(full, text, sameFile ? opened.bytes : undefined);
    return { saved: relative(cwd, full) || target };
  } catch (error) {
    return { error: escapeControls(error instanceof Error ? error.message : String(error)) };
  }
}

function useFormInput(live: RefObject<FormState>, dispatch: (a: FormAction) => void, props: FormProps, now: { readonly opened: Opened | undefined; readonly findings: readonly Finding[]; readonly target: string }): void {
  // the findings and the target as last drawn (they follow from the state; Enter on save needs them)
  const latest = useRef(now);
  latest.current = now;
  useKeys(
    (input, key) => {
      const state = live.current as FormState;
      const field = applicableFields(state.values).find((f) => f.pointer === state.focus);
      if (state.question) {
        if (key.upArrow || key.leftArrow) return dispatch({ type: 'choose', choice: 0 });
        if (key.downArrow || key.rightArrow) return dispatch({ type: 'choose', choice: 1 });
        if (key.return) return dispatch({ type: 'answer' });
        if (key.escape) return dispatch({ type: 'unask' });
        return;
      }
      if (key.escape) {
        const dirty = JSON.stringify(state.values) !== JSON.stringify(state.initial);
        if (dirty && state.confirm !== 'discard') return dispatch({ type: 'confirm', confirm: 'discard', status: { tone: 'warning', text: '⚠ Unsaved changes: press Esc again to leave without saving (Ctrl+S: review and save)' } });
        return props.nav.pop();
      }
      if (key.ctrl && input === 's') return dispatch({ type: 'jump', pointer: REVIEW });
      if (key.upArrow || (key.tab && key.shift)) return dispatch({ type: 'move', by: -1 });
      if (key.downArrow || key.tab) return dispatch({ type: 'move', by: 1 });
      if (key.pageDown) return dispatch({ type: 'group', by: 1 });
      if (key.pageUp) return dispatch({ type: 'group', by: -1 });
      if (state.focus === REVIEW) {
        if (key.return) return save();
        const next = editLine(state.savePath, input, key);
        if (next) dispatch({ type: 'edit', edit: next });
        return;
      }
      if (key.return) return dispatch({ type: 'move', by: 1 });
      if (field && (field.kind === 'boolean' || field.kind === 'choice')) {
        if (input === ' ' || key.rightArrow) return dispatch({ type: 'toggle', by: 1 });
        if (key.leftArrow) return dispatch({ type: 'toggle', by: -1 });
        if (field.kind === 'boolean' && (input === 'y' || input === 'n')) {
          if ((state.values[field.pointer] === true) !== (input === 'y')) dispatch({ type: 'toggle', by: 1 });
          return;
        }
        return;
      }
      const text = typeof state.values[state.focus] === 'string' ? (state.values[state.focus] as string) : '';
      const next = editLine({ value: text, cursor: state.cursor }, input, key);
      if (next) dispatch({ type: 'edit', edit: next });
    },
  );

  function save(): void {
    const state = live.current;
    const context = latest.current;
    const target = state.savePath.value.trim() === '' ? context.target : state.savePath.value.trim();
    const schemaFindings = context.findings.filter((f) => f.ruleId === 'schema').length;
    if (schemaFindings > 0 && state.confirm !== 'save') {
      return dispatch({ type: 'confirm', confirm: 'save', status: { tone: 'warning', text: `⚠ The manifest breaks the schema in ${plural(schemaFindings, 'place')} (see above): press Enter again to save it anyway` } });
    }
    const full = resolve(props.services.cwd, target);
    const editing = context.opened !== undefined && resolve(props.services.cwd, context.opened.file) === full;
    if (!editing && readIfThere(full) !== undefined && state.confirm !== 'overwrite') {
      return dispatch({ type: 'confirm', confirm: 'overwrite', status: { tone: 'warning', text: `⚠ ${escapeControls(target)} exists: press Enter again to replace it` } });
    }
    const result = saveForm(state, context.opened, props.services.cwd, target);
    if ('error' in result) return dispatch({ type: 'status', status: { tone: 'error', text: `✖ Not saved: ${result.error}` } });
    props.nav.replace({ screen: 'results', file: result.saved, ...(context.opened ? { document: context.opened.document } : {}), notice: `${OK_SYMBOL} Saved to ${escapeControls(result.saved)}` });
  }
}

export function FormScreen(props: FormProps): ReactElement {
  const opened = useMemo(() => openManifest(props), [props.services, props.file, props.document]);
  const failed = opened !== undefined && 'error' in opened ? opened.error : undefined;
  const ok = opened !== undefined && !('error' in opened) ? opened : undefined;
  const [state, dispatch, live] = useStore(formReducer, () => initialFormState(ok, props.focus));
  const linter = useMemo(() => props.services.createLinter(), [props.services]);
  const name = typeof state.values['/installation/name'] === 'string' ? (state.values['/installation/name'] as string) : '';
  const target = state.savePath.value.trim() !== '' ? state.savePath.value.trim() : ok ? ok.file : fileNameFor(name);
  const findings = useMemo(() => checkValues(linter, state.values, state.storage, target), [linter, state.values, state.storage, target]);
  useFormInput(live, dispatch, props, { opened: ok, findings, target });
  const fields = applicableFields(state.values);
  const index = fields.findIndex((f) => f.pointer === state.focus);
  const where = state.focus === REVIEW ? 'review and save' : `${fields[index]?.group ?? ''} · field ${index + 1} of ${fields.length}`;
  if (failed) {
    return h(Frame, { title: 'Installation form', context: escapeControls(props.file ?? ''), body: [line(''), ...paragraph(`✖ ${failed}`, props.columns, 1, { tone: 'error' })], help: keys(['Esc', 'back']), columns: props.columns, rows: props.rows, color: props.services.color });
  }
  const { body, focus } = formLines(state, findings, props.columns, target);
  const c = countResults([{ filePath: target, document: 0, installation: null, messages: findings, errorCount: findings.filter((f) => f.severity === 'error').length, warningCount: findings.filter((f) => f.severity === 'warning').length, infoCount: 0, fixableCount: 0 }]);
  const help = state.question
    ? keys(['↑↓', 'choose'], ['Enter', 'confirm'], ['Esc', 'keep typing'])
    : state.focus === REVIEW
      ? keys(['type', 'the file name'], ['Enter', 'save'], ['↑', 'back to the fields'], ['Esc', 'leave'])
      : keys(['↑↓ Tab Enter', 'field'], ['Space', 'tick / choose'], ['PgUp PgDn', 'section'], ['Ctrl+S', 'review & save'], ['Esc', 'leave']);
  return h(Frame, {
    title: ok ? 'Edit installation' : 'New installation',
    context: `${where}${ok ? ` · ${escapeControls(ok.file)}` : ''} · ${SEVERITY_MARK.error.symbol} ${c.errors} ${SEVERITY_MARK.warning.symbol} ${c.warnings}`,
    body,
    focus,
    ...(state.status ? { status: [span(` ${state.status.text}`, { tone: state.status.tone })] } : {}),
    help,
    columns: props.columns,
    rows: props.rows,
    color: props.services.color,
  });
}
