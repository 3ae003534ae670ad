/**
 * Why a probe cannot start: facts for each front end to word (the CLI names its options). A UsageError of
 * @tmcheck/lint, so that a front end that knows that one reports these the same way (the CLI: exit 2).
 */
import { UsageError } from '@tmcheck/lint';

export type SetupProblem = 'unreadable-manifest' | 'ca-file' | 'unknown-section' | 'section-absent' | 'timeout' | 'to' | 'to-without-send-test' | 'send-test-without-to';

export class ProbeSetupError extends UsageError {
  override readonly name = 'ProbeSetupError';
  constructor(
    message: string,
    readonly facts: { readonly problem: SetupProblem; readonly received?: string; readonly choices?: readonly string[] },
  ) {
    super(message);
  }
}
