import { REDACTED, Scrubber } from '@tmcheck/lint';
import { describe, expect, it } from 'vitest';
import { quote, scrubDeep } from './redact.js';

describe("the probe's scrubbing, with lint's Scrubber", () => {
  const secret = 'Xk28Q~aBcdEfGhIjKlMnOpQrStUvWxYz01234567';

  it('removes a secret learned during the run, and any 10-character piece of it, in any letter case', () => {
    const s = new Scrubber();
    s.add(secret);
    expect(s.scrub(`value ${secret}.`)).toBe(`value ${REDACTED}.`);
    expect(s.scrub('cut "aBcdEfGhIj..."')).toBe(`cut "${REDACTED}..."`);
    expect(s.scrub('upper XK28Q~ABCDEFGHIJ')).toBe(`upper ${REDACTED}`);
    expect(s.scrub('nothing of it here: TM Exchange POP3 > OAuth2 > Client Secret')).toBe('nothing of it here: TM Exchange POP3 > OAuth2 > Client Secret');
  });

  it('removes a short secret learned during the run only as a word', () => {
    const s = new Scrubber();
    s.add('Pw9!x');
    expect(s.scrub('password "Pw9!x" and Pw9!xyz')).toBe(`password "${REDACTED}" and Pw9!xyz`);
  });

  it('scrubs every string of a report, deep down, and escapes what it quotes', () => {
    const s = new Scrubber([secret]);
    expect(scrubDeep(s, { a: [{ b: `x${secret}` }], n: 3 })).toEqual({ a: [{ b: `x${REDACTED}` }], n: 3 });
    expect(quote(s, `-ERR bad\u001b[2J${secret}`)).toBe(`-ERR bad\\u001b[2J${REDACTED}`);
    expect(quote(s, 'x'.repeat(500), 20)).toBe(`${'x'.repeat(17)}...`);
  });
});
