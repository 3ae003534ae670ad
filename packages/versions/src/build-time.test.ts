import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTime } from './build-time.js';

describe('buildTime', () => {
  it.each([
    [0, '00:00:00'],
    [1, '00:00:02'],
    [30, '00:01:00'],
    [1800, '01:00:00'],
    [20345, '11:18:10'],
    [21600, '12:00:00'],
    [43199, '23:59:58'],
  ])('buildTime(%i) === %s', (revision, time) => {
    expect(buildTime(revision)).toBe(time);
  });

  it.each([43200, 50000, 65534, -1, 0.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'is undefined for %d, which is not a time of day',
    (revision) => {
      expect(buildTime(revision)).toBeUndefined();
    },
  );

  it('gives back twice the revision in seconds since midnight', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 43199 }), (revision) => {
        const time = buildTime(revision);
        const m = /^(\d{2}):(\d{2}):(\d{2})$/.exec(time ?? '');
        expect(m).not.toBeNull();
        const [h, min, s] = [Number(m?.[1]), Number(m?.[2]), Number(m?.[3])];
        expect(h).toBeLessThan(24);
        expect(min).toBeLessThan(60);
        expect(s).toBeLessThan(60);
        expect(h * 3600 + min * 60 + s).toBe(revision * 2);
      }),
    );
  });
});
