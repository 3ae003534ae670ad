import { describe, expect, it } from 'vitest';
import * as api from './index.js';

describe('index', () => {
  it('exports exactly the public values', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'DEFAULT_MINIMUM_BUILDS',
        'VERSION_MAX_LENGTH',
        'VERSION_PART_MAX',
        'VersionParseError',
        'buildDate',
        'buildTime',
        'checkBuild',
        'compare',
        'format',
        'isVersion',
        'minimumBuildTable',
        'parse',
        'parseOrThrow',
      ].sort(),
    );
  });
});
