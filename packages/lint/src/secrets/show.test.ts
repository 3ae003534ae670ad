import { describe, expect, it } from 'vitest';
import { fixValueShowable, HIDDEN, looksLikeSecret, showKey, showValue } from './show.js';

describe('showValue, the one gate for text from a manifest', () => {
  it('never shows a secret field, whatever it holds', () => {
    expect(showValue('/mailSettings/oauth2/clientSecret', 'changeme')).toBe(HIDDEN.secret);
    expect(showValue('/exchange/pop3/basicAuth/password', 12345678)).toBe(HIDDEN.secret);
  });

  it('never shows a Client ID that is not a GUID, but a GUID or a reference as written', () => {
    expect(showValue('/exchange/smtp/oauth2/clientId', 'Xk28Q~aBcdEfGhIjKlMnOpQrStUvWxYz0123456789')).toBe(HIDDEN.mayBeSecret);
    expect(showValue('/exchange/smtp/oauth2/clientId', 'correct horse battery staple')).toBe(HIDDEN.mayBeSecret);
    expect(showValue('/exchange/smtp/oauth2/clientId', '{0B8E5C1D-2F3A-4B5C-9D6E-7F8091A2B3C4}')).toBe('"{0B8E5C1D-2F3A-4B5C-9D6E-7F8091A2B3C4}"');
    expect(showValue('/exchange/smtp/oauth2/clientId', '${TM_CLIENT_ID}')).toBe('"${TM_CLIENT_ID}"');
  });

  it('drops the user information and the query string of a URL, and keeps the note when the URL is long', () => {
    expect(showValue('/mailSettings/oauth2/tokenUrl', 'https://login.microsoftonline.com/t/oauth2/v2.0/token?client_secret=abc')).toBe(
      '"https://login.microsoftonline.com/t/oauth2/v2.0/token?[query not shown]"',
    );
    expect(showValue('/mailSettings/smtpServer', 'https://ops:Pw9!x@graph.microsoft.com/v1.0/users/{0}/sendMail')).toBe(
      '"https://graph.microsoft.com/v1.0/users/{0}/sendMail"',
    );
    const long = `https://login.microsoftonline.com/${'a'.repeat(120)}/oauth2/v2.0/token?x=1`;
    expect(showValue('/mailSettings/oauth2/tokenUrl', long, { bare: true }).endsWith('...?[query not shown]')).toBe(true);
  });

  it('hides a credential-shaped piece anywhere, keeps names and addresses', () => {
    expect(showValue('/exchange/pop3/oauth2/scope', 'https://outlook.office365.com/.default Xk28Q~aBcdEfGhIjKlMnOpQrStUvWxYz0123')).toBe(
      '"https://outlook.office365.com/.default [not shown]"',
    );
    expect(showValue('/exchange/pop3/oauth2/scope', 'https://outlook.office365.com/POP.AccessAsUser.All')).toBe('"https://outlook.office365.com/POP.AccessAsUser.All"');
    expect(showValue('/exchange/pop3/server', 'smtp.office365.com:587')).toBe('"smtp.office365.com:587"');
    expect(showValue('/exchange/smtp/senderAddress', 'replication.nordicstar@example.com')).toBe('"replication.nordicstar@example.com"');
  });

  it('cuts a long value and escapes control characters', () => {
    expect(showValue('/installation/name', 'x'.repeat(300)).length).toBeLessThanOrEqual(102);
    expect(showValue('/installation/name', 'a\nb\u0085c\u202e')).toBe('"a\\u000ab\\u0085c\\u202e"');
  });

  it('quotes a key only when it does not look like a secret', () => {
    expect(showKey('tokenURL')).toBe('"tokenURL"');
    expect(showKey('Xk28Q~aBcdEfGhIjKlMnOpQrStUvWxYz0123')).toBe(HIDDEN.mayBeSecret);
  });

  it('lets a fix carry a value only when the gate would show it', () => {
    expect(fixValueShowable('/exchange/pop3/oauth2/scope', 'https://outlook.office365.com/.default')).toBe(true);
    expect(fixValueShowable('/exchange/pop3/oauth2/clientSecret', 'anything')).toBe(false);
    expect(fixValueShowable('/exchange/pop3/oauth2/clientId', 'TMMaster')).toBe(false);
    expect(fixValueShowable('/mailSettings/oauth2/tokenUrl', 'https://x/y?secret=1')).toBe(false);
  });
});

describe('looksLikeSecret', () => {
  it.each(['Xk28Q~aBcdEfGhIjKlMnOpQrStUvWxYz0123456789', 'eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ4In0.sig', 'p@ss/Word+with=Symbols!2024'])('%s is', (v) => {
    expect(looksLikeSecret(v)).toBe(true);
  });
  it.each(['0b8e5c1d-2f3a-4b5c-9d6e-7f8091a2b3c4', 'replication@example.com', 'outlook.office365.com', 'POP.AccessAsUser.All', '2.664.8271.20345', 'MV Nordic Star'])(
    '%s is not',
    (v) => {
      expect(looksLikeSecret(v)).toBe(false);
    },
  );
});
