import { fieldTitle } from '@tmcheck/schemas';
import { ours, type Shown } from '../secrets/show.js';
import type { MessageData } from './define-rule.js';

const PLACEHOLDER = /\{\{\s*([A-Za-z][\w]*)\s*\}\}/g;

/** The placeholder names of a message template, in order. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
}

/** The data of a report with `field` filled in from the catalog when the rule did not give it. */
export function withField(pointer: string, data: MessageData | undefined): MessageData {
  if (data && data['field'] !== undefined) return data;
  return { ...data, field: ours(fieldTitle(pointer) ?? (pointer === '' ? 'the manifest' : pointer)) };
}

/**
 * Fills a message template. A placeholder without data is a bug in the rule: it throws, and the
 * engine turns that into an internal-error finding naming the rule.
 */
export function formatMessage(template: string, data: MessageData, ruleId: string, messageId: string): string {
  return template.replace(PLACEHOLDER, (_m, name: string) => {
    const value = data[name];
    if (value === undefined) throw new Error(`the message ${messageId} of ${ruleId} has no data for {{${name}}}`);
    return String(value);
  });
}

/** The catalog's title of another field, for a message that names it ("Azure > Directory (tenant) ID"). */
export function fieldName(pointer: string): Shown {
  return ours(fieldTitle(pointer) ?? pointer);
}
