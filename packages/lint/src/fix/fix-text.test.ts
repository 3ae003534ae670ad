import { tmpdir } from 'node:os';
import { CORE_SCHEMA, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { DocumentResult, Finding, Fix } from '../finding.js';
import { createLinter } from '../linter.js';
import { APP_ID, OFFICE, TENANT, VESSEL, edit, removeLine, within } from '../test-utils/fixtures.js';
import { fixText, fixUntilStable, TakenRanges } from './fix-text.js';

const linter = createLinter({ cwd: tmpdir(), now: '2026-11-29' });
const lint = (text: string, json = false) => linter.lintText(text, { filePath: json ? 'm.json' : 'm.yaml', json });
const fix = (text: string, json = false) => fixUntilStable(text, (t) => lint(t, json), { json });
const problems = (results: readonly DocumentResult[]) => results.flatMap((r) => r.messages.filter((m) => !m.suppressed).map((m) => `${m.ruleId} ${m.pointer}`));

const GRAPH = 'https://graph.microsoft.com/.default';
const OUTLOOK = 'https://outlook.office365.com/.default';
const SECRET_REF = '${TM_MAIL_SECRET}';
/** The end of the POP3 section of VESSEL (its last line, then the next section). */
const POP3_END = `      clientSecret: ${SECRET_REF}\nazure:`;

/** The POP3 part of VESSEL changed. */
const pop3 = (change: (tail: string) => string) => within(VESSEL, '  pop3:', change);
const crlf = (text: string) => text.replace(/\n/g, '\r\n');

/** A result with findings carrying the given fixes, at the given lines (for fixes no rule makes). */
function resultWith(fixes: ReadonlyArray<{ fix: Fix; line: number; document?: number; ruleId?: string }>): DocumentResult[] {
  const byDoc = new Map<number, Finding[]>();
  for (const f of fixes) {
    const list = byDoc.get(f.document ?? 0) ?? [];
    list.push({ ruleId: f.ruleId ?? 'test/rule', messageId: 'm', severity: 'error', message: 'm', pointer: f.fix.pointer, line: f.line, column: 1, endLine: f.line, endColumn: 1, fix: f.fix });
    byDoc.set(f.document ?? 0, list);
  }
  return [...byDoc].map(([document, messages]) => ({ filePath: 'x.yaml', document, installation: null, messages, errorCount: messages.length, warningCount: 0, infoCount: 0, fixableCount: messages.length }));
}

describe('fixing a value', () => {
  it('writes the new value and keeps the comment after it and every other byte', () => {
    const text = pop3((t) => edit(t, [`scope: ${OUTLOOK}`, `scope: ${GRAPH}   # copied from SMTP`]));
    const run = fix(text);
    expect(run.text).toBe(pop3((t) => edit(t, [`scope: ${OUTLOOK}`, `scope: ${OUTLOOK}   # copied from SMTP`])));
    expect(run.applied.map((a) => [a.ruleId, a.pointer])).toEqual([['oauth2/scope', '/exchange/pop3/oauth2/scope']]);
    expect(problems(run.remaining)).toEqual([]);
  });

  it.each([
    ['single', `'${GRAPH}'`, `'${OUTLOOK}'`],
    ['double', `"${GRAPH}"`, `"${OUTLOOK}"`],
  ])('keeps %s quotes', (_name, written, expected) => {
    const text = pop3((t) => edit(t, [`scope: ${OUTLOOK}`, `scope: ${written}`]));
    expect(fix(text).text).toBe(pop3((t) => edit(t, [`scope: ${OUTLOOK}`, `scope: ${expected}`])));
  });

  it('writes a number or a box written as text as the number or the box (the quotes go)', () => {
    const text = pop3((t) => edit(t, ['port: 995', 'port: "995"']));
    const run = fix(text);
    expect(run.text).toBe(VESSEL);
    expect(run.applied.map((a) => [a.ruleId, a.messageId])).toEqual([['schema', 'quotedValue']]);
  });

  it('sets schemaVersion to 1', () => {
    expect(fix(edit(VESSEL, ['schemaVersion: 1', 'schemaVersion: 2'])).text).toBe(VESSEL);
  });

  it('fills in an empty value after its colon, keeping the comment', () => {
    const text = pop3((t) => edit(t, ['useSsl: true', 'useSsl:    # ask Ola']));
    expect(fix(text).text).toBe(pop3((t) => edit(t, ['useSsl: true', 'useSsl: true    # ask Ola'])));
    expect(fix(pop3((t) => edit(t, ['useSsl: true', 'useSsl:']))).text).toBe(VESSEL);
  });

  it('replaces a block scalar with one line, keeping its header comment', () => {
    const text = pop3((t) => edit(t, [`scope: ${OUTLOOK}\n`, `scope: |-  # the scope\n        ${GRAPH}\n`]));
    expect(fix(text).text).toBe(pop3((t) => edit(t, [`scope: ${OUTLOOK}\n`, `scope: ${OUTLOOK} # the scope\n`])));
  });

  it('edits inside a flow mapping, keeping its layout', () => {
    const flow = `    oauth2: { useOAuth2: true, tokenUrl: "https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token", scope: ${GRAPH}, userName: replication.nordicstar@example.com, clientId: ${APP_ID}, clientSecret: "${SECRET_REF}" }\nazure:`;
    const block = /    oauth2:\n(?: {6}.*\n)+azure:/;
    const text = pop3((t) => t.replace(block, flow));
    expect(fix(text).text).toBe(pop3((t) => t.replace(block, flow.replace(`scope: ${GRAPH}`, `scope: ${OUTLOOK}`))));
  });
});

describe('adding a field that is not written', () => {
  const noSsl = pop3((t) => removeLine(t, 'useSsl: true'));

  it('adds it as the last field of its section, indented as its siblings, after its last nested line', () => {
    const run = fix(noSsl);
    expect(run.text).toBe(edit(noSsl, [POP3_END, `      clientSecret: ${SECRET_REF}\n    useSsl: true\nazure:`]));
    expect(run.applied.map((a) => [a.ruleId, a.messageId])).toEqual([['pop3/ssl', 'notFilledIn']]);
    expect(problems(run.remaining)).toEqual([]);
  });

  it('ends the new line as the file ends its lines (CRLF)', () => {
    const run = fix(crlf(noSsl));
    expect(run.text).toBe(crlf(edit(noSsl, [POP3_END, `      clientSecret: ${SECRET_REF}\n    useSsl: true\nazure:`])));
  });

  it('adds a line break first at the end of a file without one', () => {
    const text = `${VESSEL.replace(/\n$/, '')}`;
    const [result] = resultWith([{ fix: { pointer: '/azure/exchangeOnline/note', value: 'x' }, line: 66 }]);
    const fixed = fixText(text, [result as DocumentResult]);
    expect(fixed.text).toBe(`${text}\n    note: x`);
  });

  it('adds it after the last pair of a flow mapping', () => {
    // POP3 written as one flow mapping, without useSsl
    const flowPop3 = VESSEL.replace(/  pop3:\n(?: {4}.*\n)+/, `  pop3: { server: outlook.office365.com, port: 995, maxMessages: 20, oauth2: { useOAuth2: true, tokenUrl: "https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token", scope: ${OUTLOOK}, userName: replication.nordicstar@example.com, clientId: ${APP_ID}, clientSecret: "${SECRET_REF}" } }\n`);
    const run = fix(flowPop3);
    expect(run.text).toBe(flowPop3.replace('clientSecret: "${TM_MAIL_SECRET}" } }', 'clientSecret: "${TM_MAIL_SECRET}" }, useSsl: true }'));
    expect(problems(run.remaining)).toEqual([]);
  });
});

describe('renaming a misspelt key', () => {
  it('keeps its value, its comment and its quotes', () => {
    for (const [wrong, right] of [
      ['scpoe', 'scope'],
      ['"scpoe"', '"scope"'],
    ] as const) {
      const text = pop3((t) => edit(t, [`scope: ${OUTLOOK}`, `${wrong}: ${OUTLOOK}  # the POP3 scope`]));
      const run = fix(text);
      expect(run.text).toBe(pop3((t) => edit(t, [`scope: ${OUTLOOK}`, `${right}: ${OUTLOOK}  # the POP3 scope`])));
      expect(run.applied.map((a) => [a.ruleId, a.messageId, a.fix])).toEqual([['schema', 'misspelt', { pointer: '/exchange/pop3/oauth2/scpoe', rename: 'scope' }]]);
    }
  });

  it('renames a section, leaving its nested lines as they are', () => {
    const text = edit(VESSEL, ['  pop3:\n', '  pop:\n']);
    expect(fix(text).text).toBe(VESSEL);
  });

  it('goes on to the finding the rename reveals (a fixed point, in two passes)', () => {
    const text = pop3((t) => edit(t, ['useSsl: true', 'useSSl: false']));
    const run = fix(text);
    expect(run.text).toBe(VESSEL);
    expect(run.passes).toBe(2);
    expect(run.applied.map((a) => [a.pass, a.ruleId, a.messageId])).toEqual([
      [1, 'schema', 'misspelt'],
      [2, 'pop3/ssl', 'notTicked'],
    ]);
    // a second run changes nothing
    const again = fix(run.text);
    expect(again.changed).toBe(false);
    expect(again.passes).toBe(0);
  });
});

describe('removing a key', () => {
  const text = ['a:', '  # about b', '  b:', '    c: 1 # c', '    d: [1, 2]', '  e: 2', 'f: { g: 1, h: 2 }', ''].join('\n');

  it('removes its lines (nested ones too) and keeps the comment above it', () => {
    const fixed = fixText(text, resultWith([{ fix: { pointer: '/a/b', remove: true }, line: 3 }]));
    expect(fixed.text).toBe(['a:', '  # about b', '  e: 2', 'f: { g: 1, h: 2 }', ''].join('\n'));
  });

  it('removes a pair of a flow mapping with its comma', () => {
    expect(fixText(text, resultWith([{ fix: { pointer: '/f/g', remove: true }, line: 7 }])).text).toContain('f: { h: 2 }');
    expect(fixText(text, resultWith([{ fix: { pointer: '/f/h', remove: true }, line: 7 }])).text).toContain('f: { g: 1 }');
  });

  it('refuses a field that shares its line with a list dash', () => {
    const list = 'a:\n  - b: 1\n    c: 2\n';
    const fixed = fixText(list, resultWith([{ fix: { pointer: '/a/0/b', remove: true }, line: 2 }]));
    expect(fixed.text).toBe(list);
    expect(fixed.refused.map((r) => r.reason)).toEqual(['no-place']);
  });
});

describe('JSON manifests keep their indentation', () => {
  const data = load(VESSEL, { schema: CORE_SCHEMA }) as Record<string, Record<string, Record<string, unknown>>>;
  const json = `${JSON.stringify(data, null, 4)}\n`;

  it('sets a value in place', () => {
    const text = json.replace(`"scope": "${OUTLOOK}"`, `"scope": "${GRAPH}"`);
    expect(text).not.toBe(json);
    expect(fix(text, true).text).toBe(json);
  });

  it('adds a missing field on a line of its own, indented as the last, with the comma', () => {
    const text = json.replace(/("maxMessages": 20,\n)( +)"useSsl": true,\n\2/, '$1$2');
    expect(JSON.parse(text).exchange.pop3.useSsl).toBeUndefined();
    const end = '\n            }\n        }\n    },\n    "azure"';
    expect(text).toContain(end);
    const run = fix(text, true);
    expect(run.text).toBe(text.replace(end, '\n            },\n            "useSsl": true\n        }\n    },\n    "azure"'));
    expect(problems(run.remaining)).toEqual([]);
  });

  it('renames a key and removes members, keeping the commas right', () => {
    const text = json.replace('"scope": "https://outlook', '"scpoe": "https://outlook');
    expect(fix(text, true).text).toBe(json);
    const small = '{\n  "a": 1,\n  "b": 2,\n  "c": 3\n}\n';
    expect(fixText(small, resultWith([{ fix: { pointer: '/b', remove: true }, line: 3 }]), { json: true }).text).toBe('{\n  "a": 1,\n  "c": 3\n}\n');
    expect(fixText(small, resultWith([{ fix: { pointer: '/c', remove: true }, line: 4 }]), { json: true }).text).toBe('{\n  "a": 1,\n  "b": 2\n}\n');
  });
});

describe('multi-document files', () => {
  it('applies each document\'s fixes to its document', () => {
    const office = edit(OFFICE, ['smtpEnableSsl: true', 'smtpEnableSsl: false']);
    const vessel = pop3((t) => edit(t, [`scope: ${OUTLOOK}`, `scope: ${GRAPH}`]));
    const text = `# fleet\n${vessel}---\n# the office\n${office}`;
    const run = fix(text);
    expect(run.text).toBe(`# fleet\n${VESSEL}---\n# the office\n${OFFICE}`);
    expect(run.applied.map((a) => [a.document, a.pointer])).toEqual([
      [0, '/exchange/pop3/oauth2/scope'],
      [1, '/mailSettings/smtpEnableSsl'],
    ]);
  });

  it('counts documents as the linter does: an empty one (only a comment) is none', () => {
    const office = edit(OFFICE, ['smtpEnableSsl: true', 'smtpEnableSsl: false']);
    const text = `---\n# nothing here yet\n---\n${office}`;
    expect(fix(text).text).toBe(`---\n# nothing here yet\n---\n${OFFICE}`);
  });
});

describe('shared fields are never edited silently', () => {
  // TM Exchange SMTP's OAuth2 tab anchored, and merged into POP3's
  const merged = VESSEL.replace(/ {4}oauth2:\n {6}useOAuth2: true\n(?: {6}.*\n)+?(?= {2}pop3:)/, (block) => block.replace('    oauth2:\n', '    oauth2: &exo\n')).replace(
    /( {2}pop3:\n(?: {4}(?!oauth2).*\n)+ {4}oauth2:\n)(?: {6}.*\n)+/,
    `$1      <<: *exo\n      userName: replication.nordicstar@example.com\n`,
  );

  it('refuses a field that comes from a merge key, and says which and why', () => {
    expect(merged).toContain('<<: *exo');
    const run = fix(merged);
    expect(run.changed).toBe(false);
    expect(run.refused.map((r) => [r.reason, r.pointer])).toEqual([['merge', '/exchange/pop3/oauth2/scope']]);
    const [refusal] = run.refused;
    expect(refusal?.message).toMatch(/^TM Exchange POP3 > OAuth2 > Scope is shared: it comes from the merge key <<: \*exo \(line \d+\)/);
    expect(problems(run.remaining)).toContain('oauth2/scope /exchange/pop3/oauth2/scope');
  });

  it('refuses an anchored value used elsewhere and an alias of it, and still applies the other fixes', () => {
    const text = edit(
      VESSEL,
      ['smtpEnableSsl: true', 'smtpEnableSsl: false'],
      [`    scope: ${GRAPH}`, `    scope: &scope ${OUTLOOK}`],
      [`      scope: ${GRAPH}`, '      scope: *scope'],
    );
    const run = fix(text);
    expect(run.text).toBe(edit(text, ['smtpEnableSsl: false', 'smtpEnableSsl: true']));
    expect(run.refused.map((r) => [r.reason, r.pointer])).toEqual([
      ['anchor', '/mailSettings/oauth2/scope'],
      ['alias', '/exchange/smtp/oauth2/scope'],
    ]);
    expect(run.refused[0]?.message).toMatch(/^Mail Settings > OAuth2 > Scope is shared: it is anchored as &scope \(line \d+\) and used elsewhere through \*scope/);
    expect(run.refused[1]?.message).toMatch(/^TM Exchange SMTP > OAuth2 > Scope is shared: it is written as the alias \*scope/);
  });
});

describe('what is not fixed', () => {
  it('leaves findings silenced by a tmcheck-disable comment', () => {
    const text = pop3((t) => edit(t, [`      scope: ${OUTLOOK}`, `      # tmcheck-disable-next-line oauth2/scope -- test\n      scope: ${GRAPH}`]));
    const run = fix(text);
    expect(run.changed).toBe(false);
    expect(run.applied).toEqual([]);
  });

  it('refuses an edit that would not read back as the fix means (a tag forcing text)', () => {
    const text = pop3((t) => edit(t, ['port: 995', 'port: !!str "995"']));
    const run = fix(text);
    expect(run.changed).toBe(false);
    expect(run.refused.map((r) => [r.reason, r.pointer])).toEqual([['unverified', '/exchange/pop3/port']]);
  });

  it('applies one of two different fixes of one place, and leaves the other', () => {
    const text = 'a: 1\n';
    const fixed = fixText(text, resultWith([
      { fix: { pointer: '/a', value: 2 }, line: 1 },
      { fix: { pointer: '/a', value: 3 }, line: 1 },
    ]));
    expect(fixed.text).toBe('a: 2\n');
    expect(fixed.refused.map((r) => r.reason)).toEqual(['conflict']);
  });

  it('stops after the most passes allowed, saying what is left', () => {
    let n = 0;
    const endless = (t: string) => resultWith([{ fix: { pointer: '/a', value: Number(/\d+/.exec(t)?.[0]) + 1 }, line: 1 }]);
    const run = fixUntilStable('a: 1\n', (t) => {
      n++;
      return endless(t);
    }, { maxPasses: 3 });
    expect(run.passes).toBe(3);
    expect(run.text).toBe('a: 4\n');
    expect(run.refused.map((r) => r.reason)).toEqual(['passes']);
    expect(n).toBe(4);
  });

  it('keeps a byte order mark', () => {
    const text = `\uFEFF${edit(VESSEL, ['schemaVersion: 1', 'schemaVersion: 2'])}`;
    expect(fix(text).text).toBe(`\uFEFF${VESSEL}`);
  });
});

describe('refusals', () => {
  it('name the field by its title, or by its pointer without a piece shaped like a secret', () => {
    const text = 'a: &x 1\nb: *x\n';
    const secretKey = 'Qx8~hT3.vLp0-Zr7yWk2';
    const fixed = fixText(`${text}${secretKey}: *x\n`, resultWith([
      { fix: { pointer: '/b', value: 2 }, line: 2 },
      { fix: { pointer: `/${secretKey}`, value: 2 }, line: 3 },
    ]));
    expect(fixed.refused.map((r) => r.message.split(' is shared')[0])).toEqual(['/b', '/[not shown]']);
  });
});

describe('a file with a broken document', () => {
  it('still fixes the documents that read', () => {
    const office = edit(OFFICE, ['smtpEnableSsl: true', 'smtpEnableSsl: false']);
    const text = `${office}---\nschemaVersion: 1\ninstallation: [unclosed\n`;
    const run = fix(text);
    expect(run.text).toBe(`${OFFICE}---\nschemaVersion: 1\ninstallation: [unclosed\n`);
    expect(problems(run.remaining)).toEqual(['parse ']);
  });
});

describe('overlapping fixes, among thousands', () => {
  it('keeps every fix that touches its own place and holds back one that touches a place taken', () => {
    // an insertion and a replacement at the same place, ranges side by side, a range inside another
    const edits = (pairs: Array<[number, number]>): Array<{ start: number; end: number; text: string }> => pairs.map(([start, end]) => ({ start, end, text: 'x' }));
    const taken = edits([[10, 20], [20, 20], [20, 25], [30, 30], [40, 50]]);
    const overlapsAny = (e: { start: number; end: number }): boolean =>
      taken.some((t) => (t.start === t.end && e.start === e.end ? false : t.start === t.end ? e.start < t.start && t.start < e.end : e.start === e.end ? t.start < e.start && e.start < t.end : t.start < e.end && e.start < t.end));
    // added in other orders than their places (the insertion and the range at 20 either way round)
    for (const order of [[3, 0, 4, 2, 1], [1, 2, 0, 4, 3]]) {
      const ranges = new TakenRanges();
      for (const i of order) ranges.add(taken[i] as (typeof taken)[number]);
      for (let start = 0; start <= 55; start++) {
        for (let end = start; end <= Math.min(55, start + 12); end++) {
          expect(ranges.overlapsAny({ start, end, text: 'y' }), `${order.join('')}: ${start}-${end}`).toBe(overlapsAny({ start, end }));
        }
      }
    }
  });
});
