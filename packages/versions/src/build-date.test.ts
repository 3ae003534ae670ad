import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDate } from './build-date.js';

const DAY = 86_400_000;

describe('buildDate', () => {
  it.each([
    [0, '2000-01-01'],
    [1, '2000-01-02'],
    [59, '2000-02-29'],
    [60, '2000-03-01'],
    [365, '2000-12-31'],
    [366, '2001-01-01'], // 2000 is a leap year
    [8270, '2022-08-23'],
    [8271, '2022-08-24'],
    [9000, '2024-08-22'],
    [65534, '2179-06-05'],
  ])('buildDate(%i) === %s', (build, date) => {
    expect(buildDate(build)).toBe(date);
  });

  it.each([-1, 1.5, 65535, Number.NaN, Number.POSITIVE_INFINITY])('throws a RangeError for %d', (build) => {
    expect(() => buildDate(build)).toThrow(RangeError);
  });

  it('each build is exactly one calendar day after the previous one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 65533 }), (build) => {
        const today = buildDate(build);
        const tomorrow = buildDate(build + 1);
        expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(Date.parse(`${tomorrow}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)).toBe(DAY);
      }),
    );
  });

  describe('does not depend on the local time zone', () => {
    const original = process.env['TZ'];
    afterEach(() => {
      if (original === undefined) delete process.env['TZ'];
      else process.env['TZ'] = original;
    });

    it.each(['Pacific/Kiritimati', 'America/Adak', 'Europe/Oslo'])('%s', (tz) => {
      process.env['TZ'] = tz;
      expect(buildDate(8271)).toBe('2022-08-24');
      expect(buildDate(0)).toBe('2000-01-01');
    });
  });
});
