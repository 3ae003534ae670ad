import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanUp, drive, KEY, testServices, tempFolder, type Driven } from '../../testing/render.js';

const fleet = fileURLToPath(new URL('../../../../../examples/fleet/', import.meta.url));
let app: Driven | undefined;
afterEach(cleanUp);

function copyFleet(): string {
  const dir = tempFolder('fleet');
  cpSync(fleet, join(dir, 'fleet'), { recursive: true });
  return dir;
}

function rows(frame: string): string[] {
  return frame.split('\n').filter((l) => / · fleet\//.test(l));
}

describe('the fleet screen', () => {
  it('lists every installation worst first, with its error and warning counts', async () => {
    app = drive({ screen: 'fleet', folder: 'fleet' }, testServices(copyFleet()));
    const frame = await app.waitFor('9 installations');
    const list = rows(frame);
    expect(list).toHaveLength(9);
    expect(list[0]).toMatch(/^ › ✖ +2 +0 +MV Polar Wind · fleet\/scopes-swapped\.yaml/);
    expect(list.slice(1, 6).every((r) => /✖ +1 +0 /.test(r))).toBe(true);
    expect(list.slice(6).every((r) => /✔ +0 +0 .*passes/.test(r))).toBe(true);
  });

  it('filters as you type, and Esc clears the filter', async () => {
    app = drive({ screen: 'fleet', folder: 'fleet' }, testServices(copyFleet()));
    await app.waitFor('9 installations');
    app.type('office');
    const filtered = await app.waitFor('shown');
    expect(rows(filtered).every((r) => /office/i.test(r))).toBe(true);
    app.type(' oslo');
    const one = await app.waitFor('1 shown');
    expect(rows(one)[0]).toMatch(/› ✖ +1 +0 +Oslo office/);
    app.press(KEY.escape);
    await app.waitFor((f) => rows(f).length === 9, 'every installation again');
  });

  it('opens the results of the selected installation, and Esc comes back', async () => {
    app = drive({ screen: 'fleet', folder: 'fleet' }, testServices(copyFleet()));
    await app.waitFor('9 installations');
    app.press(KEY.down);
    await app.waitFor((f) => /^ › /.test(rows(f)[1] ?? ''), 'the second row selected');
    app.press(KEY.up, KEY.enter);
    await app.waitFor('Results · fleet/scopes-swapped.yaml');
    app.press(KEY.escape);
    await app.waitFor('Fleet · fleet');
  });

  it('says when the folder holds no manifest', async () => {
    const dir = copyFleet();
    app = drive({ screen: 'fleet', folder: '.' }, testServices(join(dir, 'fleet', '..', '..')));
    app.unmount();
    app = drive({ screen: 'fleet', folder: 'nowhere' }, testServices(dir));
    await app.waitFor('✖');
  });
});
