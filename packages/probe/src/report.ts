/**
 * What a probe found: per installation and section, the steps TM Master and TM Exchange take, each passed,
 * failed (with the likely causes, most likely first: the field to change, named as TM Master's screens name
 * it, and the fix), skipped (an earlier step failed) or not run (the probe could not do it here). The JSON
 * format is this object (docs/cli.md, "tmcheck probe").
 */
import type { Channel, DocumentResult, SectionId } from '@tmcheck/lint';
import { titleOf } from './sections.js';

export type StepStatus = 'passed' | 'failed' | 'skipped' | 'not-run';

export type StepId = 'settings' | 'token' | 'claims' | 'connect' | 'capabilities' | 'sign-in' | 'mailbox' | 'sign-out' | 'send-test';

/** One likely cause of a failure, and what to do. */
export interface Cause {
  /** The field to change as TM Master (or the Azure portal) names it: "TM Exchange POP3 > OAuth2 > Scope". */
  readonly field?: string;
  /** Its JSON Pointer in the manifest. */
  readonly pointer?: string;
  /** Where the change is made when it is no field of the manifest ("Exchange Online PowerShell"). */
  readonly place?: string;
  readonly fix: string;
}

export interface Step {
  readonly id: StepId;
  /** Short name: "Token", "Claims", "POP3 sign-in". */
  readonly name: string;
  readonly status: StepStatus;
  /** What happened, in one sentence. */
  readonly summary: string;
  /** For a failed or not-run step: the likely causes, most likely first. */
  readonly causes: readonly Cause[];
  /** Facts for tools: an AADSTS code and trace ID, the token's claims, the server's reply, the mailbox size. */
  readonly details?: Readonly<Record<string, unknown>>;
  readonly durationMs?: number;
}

export interface SectionReport {
  readonly id: SectionId;
  readonly name: string;
  readonly pointer: string;
  readonly channel: Channel;
  readonly steps: readonly Step[];
}

export interface InstallationReport {
  readonly document: number;
  readonly installation: string | null;
  readonly sections: readonly SectionReport[];
}

export interface StepTotals {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly notRun: number;
}

export interface ProbeReport {
  readonly filePath: string;
  /** lint's results for the same file (listed beside the steps; never a reason to skip one). */
  readonly lint: readonly DocumentResult[];
  readonly installations: readonly InstallationReport[];
  /** Why the probe could not run at all, when it could not (the manifest does not load, nothing to probe). */
  readonly problems: readonly string[];
  readonly totals: StepTotals;
  /** 0 every step passed, 1 a check failed, 2 the probe could not run (a step could not be run, or nothing was probed). */
  readonly exitCode: 0 | 1 | 2;
}

/** A cause at a field of the manifest, named by the catalog. */
export function at(pointer: string, fix: string): Cause {
  return { field: titleOf(pointer), pointer, fix };
}

/** A cause outside the manifest: a page of the Azure portal, a PowerShell command. */
export function place(where: string, fix: string): Cause {
  return { place: where, fix };
}

export function step(
  id: StepId,
  name: string,
  status: StepStatus,
  summary: string,
  extra: { readonly causes?: readonly Cause[]; readonly details?: Readonly<Record<string, unknown>>; readonly durationMs?: number | undefined } = {},
): Step {
  return { id, name, status, summary, causes: extra.causes ?? [], ...(extra.details ? { details: extra.details } : {}), ...(extra.durationMs !== undefined ? { durationMs: extra.durationMs } : {}) };
}

export function totalsOf(installations: readonly InstallationReport[]): StepTotals {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let notRun = 0;
  for (const i of installations) {
    for (const s of i.sections) {
      for (const st of s.steps) {
        if (st.status === 'passed') passed++;
        else if (st.status === 'failed') failed++;
        else if (st.status === 'skipped') skipped++;
        else notRun++;
      }
    }
  }
  return { passed, failed, skipped, notRun };
}

/** 1 when a check failed; else 2 when a step could not run or nothing was probed; else 0. */
export function exitCodeOf(totals: StepTotals, problems: readonly string[]): 0 | 1 | 2 {
  if (totals.failed > 0) return 1;
  if (problems.length > 0 || totals.notRun > 0 || totals.passed === 0) return 2;
  return 0;
}
