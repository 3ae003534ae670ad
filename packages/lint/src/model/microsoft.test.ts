import { describe, expect, it } from 'vitest';
import { cloudParts, cloudsName, hostInfo, judgeClouds, perCloud } from './microsoft.js';

describe('hostInfo', () => {
  it('tells GCC High and DoD resources apart', () => {
    expect(hostInfo('graph.microsoft.us')).toEqual({ cloud: 'usgov', clouds: ['usgov'], role: 'graph' });
    expect(hostInfo('DOD-Graph.Microsoft.US.')).toEqual({ cloud: 'dod', clouds: ['dod'], role: 'graph' });
    expect(hostInfo('outlook-dod.office365.us')?.clouds).toEqual(['dod']);
  });
  it('gives the hosts GCC High and DoD share both clouds, usgov first', () => {
    expect(hostInfo('login.microsoftonline.us')).toEqual({ cloud: 'usgov', clouds: ['usgov', 'dod'], role: 'authority' });
    expect(hostInfo('smtp.office365.us')).toEqual({ cloud: 'usgov', clouds: ['usgov', 'dod'], role: 'smtp' });
  });
  it('knows no other host', () => {
    expect(hostInfo('login.windows.net')).toBeUndefined();
    expect(hostInfo(undefined)).toBeUndefined();
  });
});

describe('judgeClouds', () => {
  const judge = (tokenUrl: string | undefined, scope: string | undefined, serverHost: string | undefined) =>
    judgeClouds(cloudParts({ tokenUrl, scope, serverHost }));
  const US = 'https://login.microsoftonline.us/t/oauth2/v2.0/token';

  it('agrees on DoD when the shared sign-in server meets DoD resources', () => {
    expect(judge(US, 'https://dod-graph.microsoft.us/.default', 'dod-graph.microsoft.us')).toEqual({ common: ['dod'] });
  });
  it('keeps GCC High and DoD open when only the sign-in server is known', () => {
    expect(judge(US, 'Mail.Send', 'smtp.example.com')).toEqual({ common: ['usgov', 'dod'] });
  });
  it('makes a GCC High scope with a DoD server the odd one out, the DoD cloud the target', () => {
    expect(judge(US, 'https://graph.microsoft.us/.default', 'dod-graph.microsoft.us')).toEqual({ odd: 'scope', target: ['dod'] });
  });
  it('makes the server the odd one out when the Token URL and the Scope agree', () => {
    expect(judge('https://login.microsoftonline.com/t/oauth2/v2.0/token', 'https://graph.microsoft.com/.default', 'dod-graph.microsoft.us')).toEqual({
      odd: 'server',
      target: ['global'],
    });
  });
  it('names no target when no two fields agree', () => {
    expect(judge(US, 'https://partner.outlook.cn/.default', 'outlook.office365.com')).toEqual({ odd: 'server' });
    expect(judge(US, 'https://outlook.office365.com/.default', undefined)).toEqual({ odd: 'scope' });
  });
});

describe('words for clouds', () => {
  it('names the shared US clouds together, and gives one value when the clouds agree on it', () => {
    expect(cloudsName(['usgov', 'dod'])).toBe('the US Government GCC High or DoD cloud');
    expect(perCloud(['usgov', 'dod'], () => 'login.microsoftonline.us')).toBe('login.microsoftonline.us');
    expect(perCloud(['usgov', 'dod'], (c) => (c === 'dod' ? 'b' : 'a'))).toBe('a (GCC High) or b (DoD)');
  });
});
