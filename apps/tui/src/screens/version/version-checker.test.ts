import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanUp, drive, KEY, testServices, tempFolder, type Driven } from '../../testing/render.js';
import { parseDb } from './version-checker.js';

let app: Driven | undefined;
afterEach(cleanUp);

function folder(): string {
  const dir = tempFolder('version');
  return dir;
}

describe('the version checker', () => {
  it('answers as each key is typed: below 8271, with the build dates', async () => {
    app = drive({ screen: 'version' }, testServices(folder()));
    await app.waitFor('› Client version');
    app.type('2.664.827');
    await app.waitFor('too old: build 827 is below 8271');
    app.type('0.1234');
    const frame = await app.waitFor('too old: build 8270 is below 8271, the minimum for DB 664');
    expect(frame).toContain('✖ too old:');
    expect(frame).toContain('built on 2022-08-23');
    expect(frame).toContain('minimum for DB 664: build 8271, built on 2022-08-24');
    app.press(KEY.backspace, KEY.backspace, KEY.backspace, KEY.backspace, KEY.backspace, KEY.backspace);
    app.type('1.20345');
    await app.waitFor('✔ OK: build 8271 meets 8271');
  });

  it('points at the bad character with a caret', async () => {
    app = drive({ screen: 'version' }, testServices(folder()));
    await app.waitFor('› Client version');
    app.type('2.664.82x1');
    const frame = await app.waitFor('not a version');
    const lines = frame.split('\n');
    const echo = lines.findIndex((l) => l.trimEnd().endsWith('2.664.82x1') && !l.includes('Client version'));
    expect(echo).toBeGreaterThan(0);
    const caret = lines[echo + 1] ?? '';
    expect(caret.indexOf('^')).toBe((lines[echo] ?? '').indexOf('x'));
  });

  it('checks the Server Service too, and a DB version that differs from the build', async () => {
    app = drive({ screen: 'version' }, testServices(folder()));
    await app.waitFor('› Client version');
    app.press(KEY.up);
    await app.waitFor('› DB version');
    app.type('665');
    app.press(KEY.down, KEY.down);
    await app.waitFor('› Server Service');
    app.type('2.664.8300.1');
    await app.waitFor('wrong DB: the DB part 664 differs from the database version 665');
  });

  it('uses the minimum builds of the config that applies', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'tmcheck.config.json'), JSON.stringify({ minimumBuilds: { '664': 8300 } }));
    app = drive({ screen: 'version', initial: '2.664.8290.1' }, testServices(dir));
    const frame = await app.waitFor('too old: build 8290 is below 8300');
    expect(frame).toContain('tmcheck.config.json');
  });

  it('reads the DB version as a whole number', () => {
    expect(parseDb('')).toBeUndefined();
    expect(parseDb(' 664 ')).toBe(664);
    expect(parseDb('66x')).toHaveProperty('error');
  });
});
