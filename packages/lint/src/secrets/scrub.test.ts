import { describe, expect, it } from 'vitest';
import { collectSecrets, collectSecretsFromText, REDACTED, Scrubber } from './scrub.js';

describe('collectSecrets', () => {
  it('takes every scalar under a secret key: in lists, as numbers, deep down, in azure.clientSecrets[].value', () => {
    const found = collectSecrets({
      mailSettings: { oauth2: { clientSecret: ['a1b2c3d4e5'] }, basicAuth: { password: 12345678 } },
      x: { y: { z: { w: { v: { secret: 'deepdeepdeep' } } } } },
      azure: { clientSecrets: [{ value: 'Vv8Q~listValue12345' }] },
    });
    expect([...found].sort()).toEqual(['12345678', 'Vv8Q~listValue12345', 'a1b2c3d4e5', 'deepdeepdeep']);
  });

  it('takes a secret-shaped Client ID and URL credentials, not references, fill-ins or the app name', () => {
    const found = collectSecrets({
      mailSettings: { oauth2: { clientId: 'Xk28Q~aBcdEfGhIjKlMnOpQrStUvWxYz0123', tokenUrl: 'https://h/t?client_secret=Qq9~abcdefghij&x=1' } },
      exchange: {
        smtp: { oauth2: { clientId: 'TMMaster', clientSecret: '${TM_MAIL_SECRET}' } },
        pop3: { oauth2: { clientId: '<APPLICATION_ID>', clientSecret: '<Your Client Secret>' }, basicAuth: { password: '$(Pop3Password)' } },
      },
    });
    expect([...found].sort()).toEqual(['1', 'Qq9~abcdefghij', 'Xk28Q~aBcdEfGhIjKlMnOpQrStUvWxYz0123']);
  });

  it('reads secrets from the text of a document that does not load', () => {
    const found = collectSecretsFromText('mailSettings:\n  basicAuth:\n    password: "Sommer 2024!"  \n    clientSecret: !Tag2024xyz # note\n  - value: [abc, defghij]\n');
    for (const secret of ['!Tag2024xyz', 'Sommer 2024!', 'abc', 'defghij']) expect(found).toContain(secret);
    expect([...found].some((s) => s.includes('note'))).toBe(false);
  });
});

describe('Scrubber', () => {
  const scrubber = new Scrubber(['Xk28Q~aBcdEfGhIjKlMnOpQrStUvWxYz0123456789', 'Pw9!x']);

  it('removes the whole secret, any 8-character piece of it, in any letter case', () => {
    expect(scrubber.scrub('is Xk28Q~aBcdEfGhIjKlMnOpQrStUvWxYz0123456789.')).toBe(`is ${REDACTED}.`);
    expect(scrubber.scrub('cut "Xk28Q~aBcdEfGh..."')).toBe(`cut "${REDACTED}..."`);
    expect(scrubber.scrub('upper XK28Q~ABCDEFGHIJ')).toBe(`upper ${REDACTED}`);
  });

  it('removes a short secret only as a whole word', () => {
    expect(scrubber.scrub('password "Pw9!x" and Pw9!xyz')).toBe(`password "${REDACTED}" and Pw9!xyz`);
  });

  it('leaves text without secrets as it is', () => {
    expect(scrubber.scrub('TM Exchange POP3 > OAuth2 > Client Secret is not filled in')).toBe('TM Exchange POP3 > OAuth2 > Client Secret is not filled in');
  });
});
