import { describe, expect, it } from 'vitest';
import { DEFAULT_MINIMUM_BUILDS, minimumBuildTable } from './minimum-builds.js';

describe('DEFAULT_MINIMUM_BUILDS', () => {
  it('requires build 8271 for DB 662, 664 and 665', () => {
    expect(DEFAULT_MINIMUM_BUILDS).toEqual({ 662: 8271, 664: 8271, 665: 8271 });
  });

  it('is frozen', () => {
    expect(Object.isFrozen(DEFAULT_MINIMUM_BUILDS)).toBe(true);
  });
});

describe('minimumBuildTable', () => {
  it('holds the defaults when given nothing', () => {
    expect([...minimumBuildTable()]).toEqual([
      [662, 8271],
      [664, 8271],
      [665, 8271],
    ]);
    expect([...minimumBuildTable({})]).toEqual([...minimumBuildTable()]);
  });

  it('overlays extra entries, numeric or string keys, in ascending DB order', () => {
    const table = minimumBuildTable({ 664: 9000, '700': 9100, '663': 8300, 0: 1 });
    expect([...table]).toEqual([
      [0, 1],
      [662, 8271],
      [663, 8300],
      [664, 9000],
      [665, 8271],
      [700, 9100],
    ]);
    expect(table.get(700)).toBe(9100);
  });

  it('does not change the defaults', () => {
    minimumBuildTable({ 662: 1 });
    expect(DEFAULT_MINIMUM_BUILDS[662]).toBe(8271);
    expect(minimumBuildTable().get(662)).toBe(8271);
  });

  it.each(['0664', 'abc', '-1', '65535', '1.5', '', ' 664', '664 ', '1e3'])(
    'rejects the key %j with a RangeError',
    (key) => {
      expect(() => minimumBuildTable({ [key]: 8271 })).toThrow(RangeError);
    },
  );

  it.each([-1, 1.5, 65535, Number.NaN, '8271' as unknown as number])(
    'rejects the minimum build %j with a RangeError',
    (build) => {
      expect(() => minimumBuildTable({ 664: build })).toThrow(RangeError);
    },
  );
});
