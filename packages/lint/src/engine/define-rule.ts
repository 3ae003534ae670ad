import type { MinimumBuildTable } from '@tmcheck/versions';
import type { Fix, Severity } from '../finding.js';
import type { Obj } from '../model/access.js';
import type { MailSection } from '../model/sections.js';

/** An option a rule takes in the config file: `["warning", { "days": 45 }]`. */
export interface RuleOption {
  readonly type: 'integer';
  readonly minimum: number;
  readonly maximum: number;
  readonly default: number;
  readonly description: string;
}

export interface RuleMeta {
  readonly id: string;
  readonly severity: Severity;
  readonly docs: {
    /** One line: what a correct installation has. */
    readonly description: string;
  };
  readonly fixable: boolean;
  readonly options?: Readonly<Record<string, RuleOption>>;
}

export interface Report {
  /** JSON Pointer of the field the finding is about. */
  readonly pointer: string;
  /** What is wrong AND what to type instead, in the words of the TM Master dialog. Never a secret. */
  readonly message: string;
  readonly fix?: Fix;
  /** Point at the field's key rather than its value (for a field that should not be there). */
  readonly at?: 'key';
}

/** What a rule sees of one document. Rules only report: they never print, exit or read files. */
export interface RuleContext {
  /** The document, nulls removed; fields of a wrong type are reported by `schema`, so read them with the `access` helpers. */
  readonly manifest: Obj;
  /** Mail Settings, TM Exchange SMTP, TM Exchange POP3: those present. */
  readonly sections: readonly MailSection[];
  /** The rule's options, defaults filled in. */
  readonly options: Readonly<Record<string, number>>;
  /** The date expiry is judged against, `YYYY-MM-DD`. */
  readonly today: string;
  readonly minimumBuilds: MinimumBuildTable;
  report(report: Report): void;
}

export interface Rule extends RuleMeta {
  check(context: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
