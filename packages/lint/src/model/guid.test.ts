import { describe, expect, it } from 'vitest';
import { guidKey, isPlaceholderGuid } from './guid.js';

describe('guidKey', () => {
  it('normalises case, braces and spaces', () => {
    expect(guidKey(' {0B8E5C1D-2F3A-4B5C-9D6E-7F8091A2B3C4} ')).toBe('0b8e5c1d-2f3a-4b5c-9d6e-7f8091a2b3c4');
  });
  it('is undefined for what is not a GUID', () => {
    expect(guidKey('TMMaster')).toBeUndefined();
    expect(guidKey('{0b8e5c1d-2f3a-4b5c-9d6e-7f8091a2b3c4')).toBeUndefined();
    expect(guidKey(undefined)).toBeUndefined();
  });
});

describe('isPlaceholderGuid', () => {
  it.each([
    '00000000-0000-0000-0000-000000000000',
    '{00000000-0000-0000-0000-000000000000}',
    '11111111-1111-1111-1111-111111111111',
    'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
    '00001111-aaaa-2222-bbbb-3333cccc4444',
    '535fb089-9ff3-47b6-9bfb-4f1264799865',
    '12345678-1234-1234-1234-123456789012',
  ])('%s is a placeholder', (value) => {
    expect(isPlaceholderGuid(value)).toBe(true);
  });

  it.each(['0b8e5c1d-2f3a-4b5c-9d6e-7f8091a2b3c4', '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b', 'not a guid', ''])('%s is not', (value) => {
    expect(isPlaceholderGuid(value)).toBe(false);
  });
});
