import { create } from 'xmlbuilder2';
import type { Finding } from '../finding.js';
import { escapeControls } from '../text/escape.js';
import type { Formatter, ReportPath } from './types.js';
import { reportPath, ruleDocsUrl, severalDocuments, totals } from './types.js';

/**
 * Text as XML 1.0 may hold it: control characters written as \uXXXX (escapeControls), and the
 * characters XML forbids even as references (lone surrogates, U+FFFE, U+FFFF) likewise. The XML
 * library escapes & < > and quotes.
 */
function xmlText(text: string): string {
  return escapeControls(text).replace(
    /[\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Lines of text, each escaped on its own: the line breaks between them stay line breaks. */
function lines(list: readonly string[]): string {
  return list.map(xmlText).join('\n');
}

function at(where: ReportPath, f: Finding): string {
  return `${where.path}:${f.line}:${f.column}`;
}

function fieldOf(f: Finding): string {
  const field = f.data?.['field'];
  return typeof field === 'string' ? field : f.pointer === '' ? 'the document' : f.pointer;
}

interface Counts {
  tests: number;
  failures: number;
  skipped: number;
}

/**
 * JUnit XML in the shape Azure DevOps' PublishTestResults (JUnit) and GitLab's
 * `artifacts:reports:junit` both read: `testsuites` > `testsuite` > `testcase` > `failure`.
 *
 * - A testsuite per manifest document: `file: installation` (`file (document N): installation`
 *   in a multi-document file).
 * - A testcase per rule (`classname` the file, `name` the rule ID), every rule of the context;
 *   for a document that does not parse only the rules that reported (the others could not run).
 * - A `failure` per error finding (message, location, field, rule in its text); a testcase with
 *   several errors has several `failure` elements (Azure shows the first as the test's message).
 * - Warnings and infos in the testcase's one `system-out`, unless `maxWarnings` is given and the
 *   run's warnings exceed it: then each warning is a `failure` too.
 * - A testcase whose findings were all silenced by a `tmcheck-disable` comment is `skipped`, the
 *   reason its text; a silenced finding beside a reported one is listed in `system-out`.
 * - `tests`, `failures` (testcases that failed), `errors` (always 0: a finding is a failed check,
 *   not a crash) and `skipped` on each testsuite and on `testsuites`. Every element that GitLab
 *   reads has text content, never attributes only, and a testcase has at most one `system-out`.
 */
export const junit: Formatter = (results, context) => {
  const several = severalDocuments(results);
  const warningsFail = context.maxWarnings !== undefined && totals(results).warningCount > context.maxWarnings;
  const ruleIds = context.rules.map((r) => r.id);
  const known = new Set(ruleIds);
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const root = doc.ele('testsuites').att('name', xmlText(context.toolName));
  const all: Counts = { tests: 0, failures: 0, skipped: 0 };

  for (const result of results) {
    const where = reportPath(result.filePath, context.cwd);
    const document = several(result) ? ` (document ${result.document + 1})` : '';
    const classname = xmlText(`${where.path}${document}`);
    const installation = result.installation === null ? '(no installation name)' : result.installation;
    const suite = root.ele('testsuite').att('name', xmlText(`${where.path}${document}: ${installation}`));
    const byRule = new Map<string, Finding[]>();
    for (const m of result.messages) {
      const list = byRule.get(m.ruleId) ?? [];
      list.push(m);
      byRule.set(m.ruleId, list);
    }
    const extra = [...byRule.keys()].filter((id) => !known.has(id)).sort();
    const parsed = !result.messages.some((m) => m.ruleId === 'parse' && !m.suppressed);
    const ids = parsed ? [...ruleIds, ...extra] : [...ruleIds, ...extra].filter((id) => byRule.has(id));
    const counts: Counts = { tests: 0, failures: 0, skipped: 0 };
    const cases: Array<() => void> = [];
    for (const id of ids) {
      const findings = byRule.get(id) ?? [];
      const failing = findings.filter((f) => !f.suppressed && (f.severity === 'error' || (warningsFail && f.severity === 'warning')));
      const other = findings.filter((f) => !f.suppressed && !failing.includes(f));
      const silenced = findings.filter((f) => f.suppressed);
      const skipped = failing.length === 0 && other.length === 0 && silenced.length > 0;
      counts.tests++;
      if (failing.length > 0) counts.failures++;
      if (skipped) counts.skipped++;
      cases.push(() => {
        const testcase = suite.ele('testcase').att('name', xmlText(id)).att('classname', classname);
        if (!where.stdin) testcase.att('file', xmlText(where.path));
        testcase.att('time', '0');
        for (const f of failing) {
          testcase
            .ele('failure')
            .att('message', xmlText(f.message))
            .att('type', f.severity)
            .txt(lines([f.message, `at ${at(where, f)} (${fieldOf(f)})`, `rule ${f.ruleId}, ${f.severity}: ${ruleDocsUrl(context, f.ruleId)}`]));
        }
        if (skipped) {
          const reasons = silenced.map((f) => `${at(where, f)} ${f.message}${f.suppressed?.justification ? ` -- ${f.suppressed.justification}` : ''}`);
          testcase.ele('skipped').att('message', 'silenced by a tmcheck-disable comment').txt(lines(reasons));
        }
        const out = [
          ...other.map((f) => `${f.severity} ${at(where, f)} ${f.message} (${fieldOf(f)}) [${f.ruleId}]`),
          ...(skipped
            ? []
            : silenced.map((f) => `silenced ${f.severity} ${at(where, f)} ${f.message} [${f.ruleId}]${f.suppressed?.justification ? ` -- ${f.suppressed.justification}` : ''}`)),
        ];
        if (out.length > 0) testcase.ele('system-out').txt(lines(out));
      });
    }
    suite
      .att('tests', String(counts.tests))
      .att('failures', String(counts.failures))
      .att('errors', '0')
      .att('skipped', String(counts.skipped))
      .att('time', '0');
    for (const add of cases) add();
    all.tests += counts.tests;
    all.failures += counts.failures;
    all.skipped += counts.skipped;
  }
  root
    .att('tests', String(all.tests))
    .att('failures', String(all.failures))
    .att('errors', '0')
    .att('skipped', String(all.skipped))
    .att('time', '0');
  return `${doc.end({ prettyPrint: true })}\n`;
};
