/** The installation form's state and its pure reducer: focus, values, the secret question, confirmations. */
import type { LineEdit } from '../../ui/line-edit.js';
import type { Status } from '../results/results.js';
import { applicableFields, GROUP_BASE, type FieldValue, type FormField } from './form-fields.js';
import { isLiteralSecret, type Storage, type Values } from './form-model.js';

/** The last step of the form: the findings and "save as". */
export const REVIEW = '#review';

export interface SecretQuestion {
  readonly pointer: string;
  /** 0: as a `${NAME}` reference; 1: the secret itself, in the file. */
  readonly choice: 0 | 1;
  /** Where to go once answered. */
  readonly then: number;
}

export interface FormState {
  readonly values: Values;
  /** The values as read from the file (edit) or prescribed (new): what counts as a change. */
  readonly initial: Values;
  readonly storage: Readonly<Record<string, Storage>>;
  /** The focused field's pointer, or REVIEW. */
  readonly focus: string;
  readonly cursor: number;
  /** Fields left or typed in: their findings are shown. */
  readonly touched: ReadonlySet<string>;
  readonly question?: SecretQuestion;
  readonly savePath: LineEdit;
  /** A second Enter saves anyway / a second Esc leaves without saving. */
  readonly confirm?: 'save' | 'overwrite' | 'discard';
  readonly status?: Status;
}

export type FormAction =
  | { readonly type: 'move'; readonly by: number }
  | { readonly type: 'group'; readonly by: number }
  | { readonly type: 'jump'; readonly pointer: string }
  | { readonly type: 'edit'; readonly edit: LineEdit }
  | { readonly type: 'toggle'; readonly by: 1 | -1 }
  | { readonly type: 'choose'; readonly choice: 0 | 1 }
  | { readonly type: 'answer' }
  | { readonly type: 'unask' }
  | { readonly type: 'confirm'; readonly confirm: FormState['confirm']; readonly status: Status }
  | { readonly type: 'status'; readonly status: Status | undefined };

function lengthOf(v: FieldValue): number {
  return typeof v === 'string' ? [...v].length : 0;
}

function order(values: Values): string[] {
  return [...applicableFields(values).map((f) => f.pointer), REVIEW];
}

function fieldAt(values: Values, pointer: string): FormField | undefined {
  return applicableFields(values).find((f) => f.pointer === pointer);
}

/** Focus `pointer`: a field first reached takes the value it carries from an earlier one ("in most cases the same"). */
function focusOn(state: FormState, pointer: string): FormState {
  const field = fieldAt(state.values, pointer);
  let values = state.values;
  let storage = state.storage;
  if (field?.carry && !state.touched.has(pointer) && (values[pointer] === undefined || values[pointer] === '')) {
    const carried = values[field.carry];
    if (typeof carried === 'string' && carried !== '') {
      values = { ...values, [pointer]: carried };
      const s = storage[field.carry];
      if (field.kind === 'secret' && s) storage = { ...storage, [pointer]: s };
    }
  }
  return { ...state, values, storage, focus: pointer, cursor: pointer === REVIEW ? [...state.savePath.value].length : lengthOf(values[pointer]), confirm: undefined, question: undefined };
}

function leave(state: FormState, by: number): FormState {
  const list = order(state.values);
  const at = Math.max(0, list.indexOf(state.focus));
  const field = fieldAt(state.values, state.focus);
  // a secret typed as itself: ask how to store it before going on
  if (field?.kind === 'secret' && isLiteralSecret(state.values[field.pointer]) && state.storage[field.pointer] === undefined) {
    return { ...state, question: { pointer: field.pointer, choice: 0, then: by } };
  }
  const touched = field ? new Set([...state.touched, field.pointer]) : state.touched;
  const next = list[Math.min(Math.max(0, at + by), list.length - 1)] as string;
  return focusOn({ ...state, touched }, next);
}

function groupStart(values: Values, pointer: string, by: number): string {
  const fields = applicableFields(values);
  const groups = [...new Set(fields.map((f) => f.group))];
  const current = fields.find((f) => f.pointer === pointer)?.group;
  const first = (g: string | undefined) => fields.find((f) => f.group === g)?.pointer ?? REVIEW;
  if (pointer === REVIEW) return by < 0 ? first(groups[groups.length - 1]) : REVIEW;
  const i = groups.indexOf(current as string);
  if (by < 0 && first(current) !== pointer) return first(current);
  const j = i + by;
  if (j >= groups.length) return REVIEW;
  return first(groups[Math.max(0, j)]);
}

export function formReducer(state: FormState, action: FormAction): FormState {
  switch (action.type) {
    case 'move':
      if (state.question) return state;
      return leave(state, action.by);
    case 'group': {
      if (state.question) return state;
      const target = groupStart(state.values, state.focus, action.by);
      const list = order(state.values);
      return leave(state, list.indexOf(target) - list.indexOf(state.focus));
    }
    case 'jump': {
      const list = order(state.values);
      return focusOn(state, list.includes(action.pointer) ? action.pointer : (list[0] as string));
    }
    case 'edit': {
      if (state.focus === REVIEW) return { ...state, savePath: action.edit, confirm: undefined, status: undefined };
      const field = fieldAt(state.values, state.focus);
      if (!field || field.kind === 'boolean' || field.kind === 'choice') return state;
      const storage = { ...state.storage };
      // a secret typed anew is asked about anew
      if (field.kind === 'secret' && action.edit.value !== state.values[field.pointer]) delete storage[field.pointer];
      return {
        ...state,
        values: { ...state.values, [field.pointer]: action.edit.value },
        cursor: action.edit.cursor,
        storage,
        touched: new Set([...state.touched, field.pointer]),
        confirm: undefined,
        status: undefined,
      };
    }
    case 'toggle': {
      const field = fieldAt(state.values, state.focus);
      if (!field) return state;
      const v = state.values[field.pointer];
      let next: FieldValue;
      if (field.kind === 'boolean') next = v === undefined ? true : !v;
      else if (field.kind === 'choice' && field.choices) {
        const i = field.choices.indexOf(String(v));
        next = field.choices[(i === -1 ? (action.by > 0 ? 0 : field.choices.length - 1) : i + action.by + field.choices.length) % field.choices.length];
      } else return state;
      return { ...state, values: { ...state.values, [field.pointer]: next }, touched: new Set([...state.touched, field.pointer]), confirm: undefined };
    }
    case 'choose':
      return state.question ? { ...state, question: { ...state.question, choice: action.choice } } : state;
    case 'answer': {
      const q = state.question;
      if (!q) return state;
      const answered: FormState = { ...state, question: undefined, storage: { ...state.storage, [q.pointer]: q.choice === 0 ? 'reference' : 'literal' } };
      return leave(answered, q.then);
    }
    case 'unask':
      return { ...state, question: undefined };
    case 'confirm':
      return { ...state, confirm: action.confirm, status: action.status };
    case 'status':
      return { ...state, status: action.status, confirm: undefined };
  }
}

/** The focus for a finding's pointer: its field, else the first field of its section. */
export function focusFor(values: Values, pointer: string | undefined, fieldOf: (p: string, fields: readonly FormField[]) => FormField | undefined): string {
  const fields = applicableFields(values);
  if (pointer === undefined) return fields[0]?.pointer ?? REVIEW;
  const field = fieldOf(pointer, fields);
  if (field) return field.pointer;
  const group = Object.entries(GROUP_BASE).find(([, base]) => pointer === base || pointer.startsWith(`${base}/`))?.[0];
  return fields.find((f) => f.group === group)?.pointer ?? fields[0]?.pointer ?? REVIEW;
}
