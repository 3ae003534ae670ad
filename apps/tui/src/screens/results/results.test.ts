import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from '@tmcheck/lint';
import { afterEach, describe, expect, it } from 'vitest';
import { groupFindings } from '../../findings.js';
import { cleanUp, drive, joined, KEY, NOW, testServices, tempFolder, type Driven } from '../../testing/render.js';

const fleet = fileURLToPath(new URL('../../../../../examples/fleet/', import.meta.url));
let app: Driven | undefined;
afterEach(cleanUp);

function copy(...files: string[]): string {
  const dir = tempFolder('results');
  for (const f of files) copyFileSync(join(fleet, f), join(dir, f));
  return dir;
}

/** The lines of the section headings and of the findings, in the order shown. */
function outline(frame: string): string[] {
  return frame.split('\n').filter((l) => /^ (Installation|Versions|Mail Settings|TM Exchange SMTP|TM Exchange POP3|Azure)\b/.test(l) || /✖ error|⚠ warning/.test(l)).map((l) => l.trim());
}

describe('the results screen', () => {
  it('shows both scope findings under their sections, with the message and rule of tmcheck lint', async () => {
    const dir = copy('scopes-swapped.yaml');
    app = drive({ screen: 'results', file: 'scopes-swapped.yaml' }, testServices(dir));
    const frame = await app.waitFor('TM Exchange POP3');
    const shown = outline(frame);
    expect(shown[0]).toMatch(/^TM Exchange SMTP/);
    expect(shown[1]).toMatch(/✖ error +37:14 +TM Exchange SMTP > OAuth2 > Scope/);
    expect(shown[2]).toMatch(/^TM Exchange POP3/);
    expect(shown[3]).toMatch(/✖ error +49:14 +TM Exchange POP3 > OAuth2 > Scope/);
    const lint = createLinter({ cwd: dir, now: NOW }).inspectFile('scopes-swapped.yaml')[0]?.result.messages ?? [];
    expect(joined(frame)).toContain(lint.find((m) => m.line === 37)?.message);
    expect(frame).toContain('oauth2/scope · safe fix: set TM Exchange SMTP > OAuth2 >');
  });

  it('applies the safe fixes with f (comments kept), and finds nothing more', async () => {
    const dir = copy('scopes-swapped.yaml');
    const before = readFileSync(join(dir, 'scopes-swapped.yaml'), 'utf8');
    app = drive({ screen: 'results', file: 'scopes-swapped.yaml' }, testServices(dir));
    await app.waitFor('2 with a safe fix');
    app.press('f');
    const frame = await app.waitFor('No problems found');
    expect(frame).toContain('2 fixes applied and saved to scopes-swapped.yaml');
    const after = readFileSync(join(dir, 'scopes-swapped.yaml'), 'utf8');
    expect(after.split('\n').filter((l) => l.includes('#'))).toEqual(before.split('\n').filter((l) => l.includes('#')));
    expect(after).not.toBe(before);
  });

  it('re-reads the file with r', async () => {
    const dir = copy('nordic-star.yaml');
    app = drive({ screen: 'results', file: 'nordic-star.yaml' }, testServices(dir));
    await app.waitFor('No problems found');
    const path = join(dir, 'nordic-star.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('timeoutSeconds: 100', 'timeoutSeconds: 5'));
    app.press('r');
    await app.waitFor('Read nordic-star.yaml again');
    await app.waitFor('TM Exchange SMTP');
  });

  it('shows the rule page and the fix on Enter, and comes back with Esc', async () => {
    const dir = copy('scopes-swapped.yaml');
    app = drive({ screen: 'results', file: 'scopes-swapped.yaml' }, testServices(dir));
    await app.waitFor('TM Exchange POP3');
    app.press(KEY.down);
    await app.waitFor(/› ✖ error +49:14/);
    app.press(KEY.enter);
    const page = await app.waitFor('Rule · oauth2/scope');
    expect(joined(page)).toContain('Safe fix: set TM Exchange POP3 > OAuth2 > Scope to https://outlook.office365.com/.default');
    expect(page).toContain('Default severity: error');
    app.press(KEY.pageDown);
    await app.waitFor((f) => f !== page && f.includes('Rule · oauth2/scope'), 'the page scrolled');
    app.press(KEY.escape);
    await app.waitFor('Results · scopes-swapped.yaml');
  });

  it('jumps to the finding\'s field in the form with e', async () => {
    const dir = copy('scopes-swapped.yaml');
    app = drive({ screen: 'results', file: 'scopes-swapped.yaml' }, testServices(dir));
    await app.waitFor('TM Exchange POP3');
    app.press('e');
    const form = await app.waitFor('Edit installation');
    expect(form).toContain('TM Exchange SMTP > OAuth2 · field');
    expect(form).toMatch(/› Scope +https:\/\/outlook\.office365\.com\/\.default/);
  });

  it('says when the file cannot be read', async () => {
    const dir = copy();
    app = drive({ screen: 'results', file: 'missing.yaml' }, testServices(dir));
    await app.waitFor('✖ missing.yaml');
  });

  it('groups errors first, then by the guide\'s order', () => {
    const base = { filePath: 'x', document: 0, installation: 'X', errorCount: 0, warningCount: 0, infoCount: 0, fixableCount: 0 };
    const f = (pointer: string, severity: 'error' | 'warning') => ({ ruleId: 'r', messageId: 'm', severity, message: pointer, pointer, line: 1, column: 1, endLine: 1, endColumn: 1 });
    const groups = groupFindings([{ ...base, messages: [f('/mailSettings/smtpServer', 'warning'), f('/client/version', 'error'), f('/azure/tenantId', 'error'), f('', 'warning')] }]);
    expect(groups.map((g) => g.section)).toEqual(['Versions', 'Azure', 'Installation', 'Mail Settings']);
  });
});
