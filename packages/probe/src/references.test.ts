import { describe, expect, it } from 'vitest';
import { holdsReference, resolveSecret } from './references.js';

describe('resolveSecret', () => {
  const env = { TM_MAIL_SECRET: 'Xk28Q~value', EMPTY: '' };

  it('resolves ${NAME} from the environment, and names the variable when it is not set', () => {
    expect(resolveSecret('${TM_MAIL_SECRET}', env)).toEqual({ kind: 'value', value: 'Xk28Q~value', variable: 'TM_MAIL_SECRET' });
    expect(resolveSecret('${TM_OTHER}', env)).toEqual({ kind: 'unset', variable: 'TM_OTHER', empty: false });
    expect(resolveSecret('${EMPTY}', env)).toEqual({ kind: 'unset', variable: 'EMPTY', empty: true });
  });

  it('takes a literal secret as it is, and an empty field as nothing to send', () => {
    expect(resolveSecret('Xk28Q~literal', env)).toEqual({ kind: 'value', value: 'Xk28Q~literal' });
    expect(resolveSecret('', env)).toEqual({ kind: 'empty' });
    expect(resolveSecret(undefined, env)).toEqual({ kind: 'empty' });
  });

  it.each([
    ['${{ secrets.TM_MAIL_SECRET }}', true],
    ['$(TmMailSecret)', true],
    ['$[ variables.x ]', true],
    ['#{TmMailSecret}#', true],
    ['%TM_MAIL_SECRET%', false],
    ['$TM_MAIL_SECRET', false],
    ['$env:TM_MAIL_SECRET', false],
  ])('cannot resolve %s (pipeline: %s)', (value, pipeline) => {
    expect(resolveSecret(value, env)).toMatchObject({ kind: 'unresolvable', pipeline });
  });

  it('finds references inside other fields', () => {
    expect(holdsReference('https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token')).toBe(true);
    expect(holdsReference('https://graph.microsoft.com/v1.0/users/{0}/sendMail')).toBe(false);
  });
});
