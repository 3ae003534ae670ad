import type { MinimumBuildTable } from '@tmcheck/versions';
import type { Fix, Severity } from '../finding.js';
import type { MailSection } from '../model/sections.js';
import type { ManifestView } from '../model/view.js';
import type { Shown } from '../secrets/show.js';

/** An option a rule takes in the config file: `["warning", { "days": 45 }]`. */
export interface RuleOption {
  readonly type: 'integer';
  readonly minimum: number;
  readonly maximum: number;
  readonly default: number;
  readonly description: string;
}

/**
 * The data of a message: each value is tmcheck's own words or a value that went through the
 * secret gate (`showValue`, `ours`: secrets/show.ts), or a number. `field` is filled in with the
 * catalog's title of the reported field unless given.
 */
export type MessageData = Readonly<Record<string, Shown | number>>;

export interface RuleMeta<M extends string = string> {
  readonly id: string;
  readonly severity: Severity;
  readonly docs: {
    /** One line: what a correct installation has. */
    readonly description: string;
    /** The rule's documentation page, relative to the repository's and the package's root (set by defineRule). */
    readonly page?: string;
  };
  readonly fixable: boolean;
  /**
   * The rule's messages by ID (ESLint's `meta.messages`): what is wrong AND what to type instead,
   * with `{{name}}` placeholders; each names its field as `{{field}}`. IDs are stable across releases.
   */
  readonly messages: Readonly<Record<M, string>>;
  readonly options?: Readonly<Record<string, RuleOption>>;
  /**
   * Rules whose findings this rule's finding replaces at the same field (`'*'`: every other rule):
   * the engine drops theirs only when this rule reports there, so switching this rule off never
   * hides the other's finding.
   */
  readonly supersedes?: readonly string[];
}

export interface Report<M extends string = string> {
  readonly messageId: M;
  /** JSON Pointer of the field the finding is about. */
  readonly pointer: string;
  readonly data?: MessageData;
  readonly fix?: Fix;
  /** Point at the field's key rather than its value (for a field that should not be there). */
  readonly at?: 'key';
  /**
   * Other fields this finding speaks for: what the rule supersedes there is dropped too (a misspelt
   * `tokenURL` covers the `tokenUrl` that is then "not filled in").
   */
  readonly covers?: readonly string[];
  /** The rules this finding supersedes at its field, instead of the rule's `supersedes` (a finding about another matter supersedes none). */
  readonly supersedes?: readonly string[];
}

/** What a rule sees of one document. Rules only report: they never print, exit or read files. */
export interface RuleContext<M extends string = string> {
  /** The document as the schema types it; a field of the wrong type is absent (the schema reports it). */
  readonly manifest: ManifestView;
  /** Mail Settings, TM Exchange SMTP, TM Exchange POP3: those present. */
  readonly sections: readonly MailSection[];
  /** The rule's options, defaults filled in. */
  readonly options: Readonly<Record<string, number>>;
  /** The date expiry is judged against, `YYYY-MM-DD`. */
  readonly today: string;
  readonly minimumBuilds: MinimumBuildTable;
  /**
   * How a field is written: `absent` (no key, or a key with no value), `invalid` (a value of the
   * wrong type, which the schema reports), or `value` (the view has it).
   */
  written(pointer: string): 'absent' | 'invalid' | 'value';
  report(report: Report<M>): void;
}

export interface Rule<M extends string = string> extends RuleMeta<M> {
  check(context: RuleContext<M>): void;
}

/** Defines a rule; its message IDs are checked against its `messages`. */
export function defineRule<M extends string>(rule: Rule<M>): Rule<M> {
  return { ...rule, docs: { ...rule.docs, page: rule.docs.page ?? `docs/rules/${rule.id}.md` } };
}

/** A rule of any messages, as the registry holds them. */
// eslint-style bivariance: a Rule<'a'> is a Rule<string> for the engine
export type AnyRule = Rule<string>;
