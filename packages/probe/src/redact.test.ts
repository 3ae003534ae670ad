import { describe, expect, it } from 'vitest';
import { REDACTED, Redactor } from './redact.js';

describe('Redactor', () => {
  const secret = 'Xk28Q~aBcdEfGhIjKlMnOpQrStUvWxYz01234567';

  it('removes the whole secret and any 10-character piece of it, in any letter case', () => {
    const r = new Redactor();
    r.add(secret);
    expect(r.scrub(`value ${secret}.`)).toBe(`value ${REDACTED}.`);
    expect(r.scrub('cut "aBcdEfGhIj..."')).toBe(`cut "${REDACTED}..."`);
    expect(r.scrub('upper XK28Q~ABCDEFGHIJ')).toBe(`upper ${REDACTED}`);
    expect(r.scrub('nothing of it here: TM Exchange POP3 > OAuth2 > Client Secret')).toBe('nothing of it here: TM Exchange POP3 > OAuth2 > Client Secret');
  });

  it('removes a short secret only as a word', () => {
    const r = new Redactor();
    r.add('Pw9!x');
    expect(r.scrub('password "Pw9!x" and Pw9!xyz')).toBe(`password "${REDACTED}" and Pw9!xyz`);
  });

  it('scrubs every string of a report, deep down, and escapes what it quotes', () => {
    const r = new Redactor();
    r.add(secret);
    expect(r.deep({ a: [{ b: `x${secret}` }], n: 3 })).toEqual({ a: [{ b: `x${REDACTED}` }], n: 3 });
    expect(r.quote(`-ERR bad\u001b[2J${secret}`)).toBe(`-ERR bad\\u001b[2J${REDACTED}`);
    expect(r.quote('x'.repeat(500), 20)).toBe(`${'x'.repeat(17)}...`);
  });
});
