// @tmcheck/probe: the live checks of a TM Master installation's OAuth2 mail, as TM Master and TM Exchange will
// make them: the token request, the token's claims, the POP3 XOAUTH2 sign-in (never retrieving or deleting a
// message), and a test message through Graph. Used by `tmcheck probe` and the interactive checker.

export { probe, DEFAULT_TIMEOUT_SECONDS, type ProbeOptions } from './probe.js';
export { ProbeSetupError, type SetupProblem } from './errors.js';
export type { Cause, InstallationReport, ProbeReport, SectionReport, Step, StepId, StepStatus, StepTotals } from './report.js';
export { formatText, type TextContext } from './format/text.js';
export { formatJson, type JsonContext } from './format/json.js';
export { AADSTS, translateAadsts, type AadstsTranslation } from './aadsts.js';
export { SECTION_NAMES, sectionIdFor } from './sections.js';
export type { SectionId } from '@tmcheck/lint';
