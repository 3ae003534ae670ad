/**
 * The probe: for each configured section of the manifest, what TM Master and TM Exchange will do, step by
 * step, against exactly the hosts and ports the manifest names. lint's findings are listed beside the steps,
 * never a reason to skip one: what Microsoft answers to a wrong setting is part of the diagnosis.
 */
import { readFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { resolve } from 'node:path';
import { describeFsError, Scrubber, type DocumentResult, type MailSection, type SectionId } from '@tmcheck/lint';
import { checkClaims, decodeClaims, type Claims, type ClaimsVerdict } from './claims.js';
import type { RunContext } from './context.js';
import { ProbeSetupError } from './errors.js';
import { loaded, loadManifest } from './manifest.js';
import { isEmail } from './microsoft.js';
import { createHttpClient } from './net/http.js';
import { quote, scrubDeep } from './redact.js';
import { at, exitCodeOf, step, totalsOf, type InstallationReport, type ProbeReport, type SectionReport, type Step } from './report.js';
import { azureFacts, portPointer, SECTION_NAMES, sectionIdFor, sectionName } from './sections.js';
import { pop3Steps } from './steps/pop3.js';
import { sendTestStep } from './steps/send-test.js';
import { prepareToken, requestToken, tokenStep, type TokenOutcome } from './steps/token.js';

export interface ProbeOptions {
  /** The manifest, relative to `cwd`. */
  readonly filePath: string;
  readonly cwd?: string;
  /** Where `${NAME}` references are read from (default: the process's environment). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Probe one section only: its catalog name ("TM Exchange POP3"), ID or short form ("pop3"). */
  readonly section?: string;
  /** Send one test message through each Graph section to this address. */
  readonly sendTestTo?: string;
  /** Time limit of each network step, in seconds (default 20). */
  readonly timeoutSeconds?: number;
  /** A PEM file of CA certificates to trust besides the system's. */
  readonly caFile?: string;
  /** The date lint judges secret expiry against, YYYY-MM-DD. */
  readonly lintNow?: string;
  /** The clock the token's expiry is judged against (tests). */
  readonly clock?: () => number;
  /** Called before each step with what it does (a front end shows it on a terminal). */
  readonly onProgress?: (text: string) => void;
}

export const DEFAULT_TIMEOUT_SECONDS = 20;
const MAX_TIMEOUT_SECONDS = 600;

/** The options checked before anything is read or sent. */
function checkOptions(options: ProbeOptions): { timeoutSeconds: number; sectionId: SectionId | undefined } {
  const timeoutSeconds = options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0 || timeoutSeconds > MAX_TIMEOUT_SECONDS) {
    throw new ProbeSetupError(`the time limit must be a number of seconds above 0 and at most ${MAX_TIMEOUT_SECONDS}, such as 20; received ${String(options.timeoutSeconds)}`, {
      problem: 'timeout',
      received: String(options.timeoutSeconds),
    });
  }
  if (options.sendTestTo !== undefined && !isEmail(options.sendTestTo)) {
    throw new ProbeSetupError(`the test message needs an e-mail address to go to, such as support@example.com; received "${options.sendTestTo}"`, {
      problem: 'to',
      received: options.sendTestTo,
    });
  }
  if (options.section === undefined) return { timeoutSeconds, sectionId: undefined };
  const sectionId = sectionIdFor(options.section);
  if (!sectionId) {
    throw new ProbeSetupError(`there is no section "${options.section}": choose ${SECTION_NAMES.map((n) => `"${n}"`).join(', ')}`, {
      problem: 'unknown-section',
      received: options.section,
      choices: SECTION_NAMES,
    });
  }
  return { timeoutSeconds, sectionId };
}

const PEM_BEGIN = '-----BEGIN CERTIFICATE-----';
const PEM_END = '-----END CERTIFICATE-----';

/** The CA file's certificates, each checked to be one. */
function readCaFile(file: string, cwd: string): string {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new ProbeSetupError(`cannot read the CA file ${file}: ${describeFsError(error)}`, { problem: 'ca-file', received: file });
  }
  // the PEM blocks, by a scan (a lazy pattern over the file backtracks on a file of many BEGIN lines)
  const blocks: string[] = [];
  for (let at = text.indexOf(PEM_BEGIN); at !== -1; ) {
    const end = text.indexOf(PEM_END, at + PEM_BEGIN.length);
    if (end === -1) break;
    blocks.push(text.slice(at, end + PEM_END.length));
    at = text.indexOf(PEM_BEGIN, end + PEM_END.length);
  }
  if (blocks.length === 0) {
    throw new ProbeSetupError(`the CA file ${file} holds no certificate: it must be PEM, -----BEGIN CERTIFICATE----- ... -----END CERTIFICATE-----`, { problem: 'ca-file', received: file });
  }
  for (const block of blocks) {
    try {
      new X509Certificate(block);
    } catch {
      throw new ProbeSetupError(`the CA file ${file} holds a certificate that cannot be read`, { problem: 'ca-file', received: file });
    }
  }
  return blocks.join('\n');
}

/**
 * Steps about settings that change what the probe does (Use OAuth2 unticked, SSL off for POP3, a Port that is
 * not a whole number: lint's `schema` finding there, the view has no port).
 */
function settingsSteps(section: MailSection, lint: DocumentResult): Step[] {
  const out: Step[] = [];
  if (section.oauth2?.useOAuth2 !== true) {
    out.push(
      step('settings', 'Settings', 'failed', 'Use OAuth2 is not ticked: TM Master signs in with Basic Auth here, which Microsoft 365 refuses; the probe checks the OAuth2 tab as if it were ticked', {
        causes: [at(section.tabPointer('useOAuth2'), 'tick Use OAuth2')],
      }),
    );
  }
  if (section.channel === 'pop3' && section.ssl !== true) {
    out.push(
      step('settings', 'Settings', 'failed', `Use SSL/TLS is ${section.ssl === false ? 'not ticked' : 'not set'}: TM Exchange would send the token unencrypted; the probe always uses TLS`, {
        causes: [at(section.pointer(section.sslKey), 'tick Use SSL/TLS')],
      }),
    );
  }
  const port = portPointer(section);
  if (section.port === undefined && lint.messages.some((m) => m.ruleId === 'schema' && m.pointer === port)) {
    out.push(step('settings', 'Settings', 'failed', 'Port is not a whole number; the probe uses 995', { causes: [at(port, 'Port must be 995')] }));
  }
  return out;
}

/** Runs the probe. Throws ProbeSetupError when it cannot start; everything found is in the report. */
export async function probe(options: ProbeOptions): Promise<ProbeReport> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const documents = loadManifest(options.filePath, { cwd, ...(options.lintNow !== undefined ? { now: options.lintNow } : {}) });
  // every secret the manifest holds, as lint collected them; the run adds what it learns (resolved secrets, tokens)
  const scrubber = new Scrubber(documents.flatMap((d) => [...d.secrets]));
  const env = options.env ?? process.env;
  let timeoutSeconds: number;
  let sectionId: SectionId | undefined;
  let caPem: string | undefined;
  try {
    ({ timeoutSeconds, sectionId } = checkOptions(options));
    caPem = options.caFile === undefined ? undefined : readCaFile(options.caFile, cwd);
  } catch (error) {
    // an option quoted back is scrubbed too: a secret pasted into the wrong option stays unseen
    if (error instanceof ProbeSetupError) throw new ProbeSetupError(quote(scrubber, error.message, 500), error.facts.received === undefined ? error.facts : { ...error.facts, received: scrubber.scrub(error.facts.received) });
    throw error;
  }

  const problems: string[] = [];
  const loads = documents.filter(loaded);
  if (loads.length === 0) problems.push('the manifest does not load (see lint\'s findings): there is nothing to probe');
  const chosen = loads.map((d) => ({ doc: d, sections: d.sections.filter((s) => sectionId === undefined || s.id === sectionId) }));
  if (sectionId !== undefined && loads.length > 0 && chosen.every((c) => c.sections.length === 0)) {
    throw new ProbeSetupError(`the manifest has no ${sectionName(sectionId)} section to probe`, { problem: 'section-absent', received: scrubber.scrub(options.section ?? '') });
  }
  if (loads.length > 0 && chosen.every((c) => c.sections.length === 0)) {
    problems.push(`the manifest configures none of ${SECTION_NAMES.join(', ')}: there is nothing to probe`);
  }

  const http = createHttpClient({ timeoutMs: timeoutSeconds * 1000, ...(caPem !== undefined ? { caPem } : {}) });
  const tokens = new Map<string, { readonly outcome: Promise<TokenOutcome>; readonly first: string }>();
  const installations: InstallationReport[] = [];
  try {
    for (const { doc, sections } of chosen) {
      const ctx: RunContext = {
        http,
        scrubber,
        timeoutMs: timeoutSeconds * 1000,
        timeoutSeconds,
        ...(caPem !== undefined ? { caPem } : {}),
        azure: azureFacts(doc.view ?? {}),
        env,
        now: options.clock ?? Date.now,
        progress: (text) => options.onProgress?.(quote(scrubber, text, 300)),
      };
      const reports: SectionReport[] = [];
      for (const section of sections) {
        const steps: Step[] = [];
        if (!section.oauth2) {
          steps.push(
            step('settings', 'Settings', 'skipped', 'the section has no OAuth2 tab: the probe checks OAuth2 sign-in only', {
              causes: [at(section.pointer('oauth2'), 'fill in the OAuth2 tab as the guide describes')],
            }),
          );
          reports.push({ id: section.id, name: section.label, pointer: section.base, channel: section.channel, steps });
          continue;
        }
        steps.push(...settingsSteps(section, doc.result));

        // the token, once per distinct request
        const prepared = prepareToken(ctx, section);
        let token: string | undefined;
        let claims: Claims | undefined;
        let verdict: ClaimsVerdict | undefined;
        if (!prepared.ok) {
          steps.push(prepared.step);
        } else {
          let entry = tokens.get(prepared.key);
          const sharedWith = entry && entry.first !== section.label ? entry.first : undefined;
          if (!entry) {
            ctx.progress(`${section.label}: requesting a token from ${prepared.host}`);
            entry = { outcome: requestToken(ctx, prepared), first: section.label };
            tokens.set(prepared.key, entry);
          }
          const outcome = await entry.outcome;
          steps.push(tokenStep(ctx, outcome, section, prepared, sharedWith));
          if (outcome.kind === 'token') token = outcome.token;
        }

        // the claims
        if (token === undefined) {
          steps.push(step('claims', 'Claims', 'skipped', 'no access token to read'));
        } else {
          const decoded = decodeClaims(token);
          if (!decoded.ok) {
            steps.push(step('claims', 'Claims', 'failed', decoded.reason, { causes: [at(section.tabPointer('tokenUrl'), "the Token URL must be Entra ID's token endpoint")] }));
          } else {
            claims = decoded.claims;
            verdict = checkClaims(claims, section, ctx.now());
            const failing = verdict.checks.filter((c) => !c.ok);
            const summary = verdict.checks.map((c) => c.note).join('; ');
            const shown = {
              aud: claims.aud ?? null,
              tid: claims.tid ?? null,
              appid: claims.appid ?? claims.azp ?? null,
              oid: claims.oid ?? null,
              idtyp: claims.idtyp ?? null,
              roles: claims.roles ?? null,
              exp: claims.exp ?? null,
            };
            steps.push(
              failing.length === 0
                ? step('claims', 'Claims', 'passed', summary, { details: { claims: shown } })
                : step('claims', 'Claims', 'failed', failing.map((c) => c.note).join('; '), {
                    causes: failing.flatMap((c) => c.causes),
                    details: { claims: shown, failed: failing.map((c) => c.claim) },
                  }),
            );
          }
        }

        if (section.channel === 'pop3') {
          steps.push(...(await pop3Steps(ctx, section, { ...(token !== undefined ? { token } : {}), ...(claims ? { claims } : {}), ...(verdict ? { verdict } : {}) })));
        } else if (options.sendTestTo !== undefined) {
          steps.push(await sendTestStep(ctx, section, token, options.sendTestTo));
        }
        reports.push({ id: section.id, name: section.label, pointer: section.base, channel: section.channel, steps });
      }
      installations.push({ document: doc.result.document, installation: doc.view?.installation?.name ?? null, sections: reports });
    }
  } finally {
    await http.close();
  }

  const totals = totalsOf(installations);
  if (problems.length === 0 && totals.passed + totals.failed + totals.notRun === 0) {
    problems.push('no section has an OAuth2 tab: there is nothing to probe');
  }
  const report: ProbeReport = {
    filePath: options.filePath,
    lint: documents.map((d) => d.result),
    installations,
    problems,
    totals,
    exitCode: exitCodeOf(totals, problems),
  };
  // the last line of defence: no piece of a secret or token in any string of the report
  return scrubDeep(scrubber, report);
}
