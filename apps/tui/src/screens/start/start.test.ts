import { afterEach, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { cleanUp, drive, KEY, testServices, type Driven } from '../../testing/render.js';
import { INITIAL_START, routeForPath, startReducer } from './start.js';

const repo = fileURLToPath(new URL('../../../../../', import.meta.url));
let app: Driven | undefined;
afterEach(cleanUp);

describe('the start screen', () => {
  it('offers the four tasks and quit, with the keys at the bottom', async () => {
    app = drive({ screen: 'start' }, testServices(repo));
    const frame = await app.waitFor('Check a build number');
    expect(frame).toContain('› 1  Check a manifest file');
    expect(frame).toContain('Fill in a new installation');
    const lines = frame.split('\n');
    expect(lines.at(-1)).toMatch(/q quit/);
    expect(lines.length).toBeLessThanOrEqual(23);
  });

  it('moves with the arrows and opens the version checker with Enter', async () => {
    app = drive({ screen: 'start' }, testServices(repo));
    await app.waitFor('Check a build number');
    app.press(KEY.down, KEY.down, KEY.down);
    await app.waitFor('› 4  Check a build number');
    app.press(KEY.enter);
    await app.waitFor('Version checker');
  });

  it('asks for a path, says when it is not there, opens a file\'s results and a folder\'s fleet', async () => {
    app = drive({ screen: 'start' }, testServices(repo));
    await app.waitFor('Check a build number');
    app.press(KEY.enter);
    await app.waitFor('Path:');
    app.type('examples/fleet/nope.yaml');
    app.press(KEY.enter);
    await app.waitFor('no such file or folder');
    for (let i = 0; i < 'nope.yaml'.length; i++) app.press(KEY.backspace);
    app.type('scopes-swapped.yaml');
    app.press(KEY.enter);
    await app.waitFor('MV Polar Wind');
    expect(routeForPath('examples/fleet', 'check', repo)).toEqual({ screen: 'fleet', folder: 'examples/fleet' });
    expect(routeForPath('examples/fleet', 'edit', repo)).toHaveProperty('error');
  });

  it('quits with q', async () => {
    app = drive({ screen: 'start' }, testServices(repo));
    await app.waitFor('Check a build number');
    app.press('q');
    await expect.poll(() => app?.quit.called).toBe(true);
  });

  it('redraws at the new size when the terminal is resized', async () => {
    app = drive({ screen: 'start' }, testServices(repo), { columns: 80, rows: 24 });
    const widest = (f: string) => Math.max(...f.split('\n').map((l) => [...l].length));
    const small = await app.waitFor((f) => f.includes('Check a build number') && widest(f) <= 80, 'a frame 80 columns wide');
    expect(small.split('\n').length).toBeLessThanOrEqual(23);
    app.resize(120, 40);
    const big = await app.waitFor((f) => f.split('\n').length > 30, 'a frame 40 rows tall');
    expect(big.split('\n').some((l) => [...l].length > 100)).toBe(true);
    app.resize(80, 24);
    await app.waitFor((f) => f.split('\n').length <= 23, 'a frame 24 rows tall again');
  });

  it('reducer: wraps around the menu', () => {
    expect(startReducer(INITIAL_START, { type: 'move', by: -1 }).cursor).toBe(4);
  });
});
