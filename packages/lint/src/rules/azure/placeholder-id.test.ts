import { describe, expect, it } from 'vitest';
import { ruleTester } from '../../test-utils/rule-tester.js';
import { APP_ID, OBJECT_ID, OFFICE, SECRET_ID, SP_ID, TENANT, VESSEL, edit, removeBlock } from '../../test-utils/fixtures.js';
import rule from './placeholder-id.js';
import { isPlaceholderId, registeredId } from '../../rule-kit/azure-ids.js';

const APP = '/azure/applicationId';
const OBJ = '/azure/objectId';
const TEN = '/azure/tenantId';
const SP = '/azure/exchangeOnline/servicePrincipalId';
const SECRET = '/azure/clientSecrets/0/secretId';

const WHERE_APP = 'the real Application (client) ID from portal.azure.com > App registrations > TMMaster > Overview';
const WHERE_OBJECT =
  "the real Object ID from portal.azure.com > Enterprise applications > TMMaster > Overview (the Enterprise application's Object ID, not the one on the App registration's page)";
const WHERE_TENANT = 'the real Directory (tenant) ID from portal.azure.com > search "tenant"';
const WHERE_SP = 'the real Service principal ID from Exchange Online PowerShell > Get-ServicePrincipal (the ID it lists for TM Master once New-ServicePrincipal has run)';
const WHERE_SECRET = 'the real Secret ID from portal.azure.com > App registrations > TMMaster > Certificates & secrets, or leave it out: it is optional';

const app = (value: string): string => edit(VESSEL, [`applicationId: ${APP_ID}`, `applicationId: ${value}`]);
const object = (value: string): string => edit(VESSEL, [`objectId: ${OBJECT_ID}`, `objectId: ${value}`]);
const tenant = (value: string): string => edit(VESSEL, [`tenantId: ${TENANT}`, `tenantId: ${value}`]);
const sp = (value: string): string => edit(VESSEL, [`servicePrincipalId: ${SP_ID}`, `servicePrincipalId: ${value}`]);
const secretId = (value: string): string => edit(VESSEL, [`secretId: ${SECRET_ID}`, `secretId: ${value}`]);

ruleTester(rule, {
  valid: [
    { name: 'the correct vessel', yaml: VESSEL },
    { name: 'the correct office (no azure section)', yaml: OFFICE },
    { name: 'no exchangeOnline section', yaml: removeBlock(VESSEL, '  exchangeOnline:') },
    { name: 'an application ID in braces and capitals', yaml: app(`"{${APP_ID.toUpperCase()}}"`) },
    { name: 'a tenant written as its domain', yaml: tenant('nordicstar.onmicrosoft.com') },
    { name: 'a tenant domain that only looks like a sample (test.onmicrosoft.com is a real domain)', yaml: tenant('test.onmicrosoft.com') },
    { name: 'a GUID starting with zeros is not the nil GUID', yaml: object('00000000-0000-0000-0000-00000000000a') },
    { name: "Microsoft Graph's app ID is wrong as an application ID, but not a placeholder (oauth2/client-id's)", yaml: app('00000003-0000-0000-c000-000000000000') },
    { name: 'a secret listed without a Secret ID', yaml: edit(VESSEL, [`      secretId: ${SECRET_ID}\n`, '']) },
    { name: 'an empty application ID is not a placeholder', yaml: app('""') },
    { name: 'a short value that is no ID at all is not a placeholder (not this rule)', yaml: sp('AB') },
    { name: 'a name that is no placeholder: its shape is for other rules', yaml: app('TMMaster2') },
  ],
  invalid: [
    {
      name: 'the nil GUID as the Application (client) ID',
      yaml: app('00000000-0000-0000-0000-000000000000'),
      errors: [
        {
          pointer: APP,
          at: '00000000-0000-0000-0000-000000000000',
          messageId: 'nilGuid',
          data: { field: 'Azure > Application (client) ID', value: '"00000000-0000-0000-0000-000000000000"', where: WHERE_APP },
          fix: null,
        },
      ],
    },
    {
      name: 'the nil GUID in braces as the tenant',
      yaml: tenant('"{00000000-0000-0000-0000-000000000000}"'),
      errors: [{ pointer: TEN, at: '"{0000', messageId: 'nilGuid', data: { field: 'Azure > Directory (tenant) ID', where: WHERE_TENANT }, fix: null }],
    },
    {
      name: "the spec's example tenant, one digit repeated",
      yaml: tenant('11111111-1111-1111-1111-111111111111'),
      errors: [{ pointer: TEN, at: '11111111-1111', messageId: 'placeholderGuid', data: { value: '"11111111-1111-1111-1111-111111111111"' }, fix: null }],
    },
    {
      name: "Microsoft's documentation client ID as the application ID, in capitals",
      yaml: app('535FB089-9FF3-47B6-9BFB-4F1264799865'),
      errors: [{ pointer: APP, messageId: 'placeholderGuid', data: { value: '"535FB089-9FF3-47B6-9BFB-4F1264799865"', where: WHERE_APP }, fix: null }],
    },
    {
      name: "a documentation object ID placeholder as the service principal ID",
      yaml: sp('aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb'),
      errors: [{ pointer: SP, messageId: 'placeholderGuid', data: { field: 'Azure > Service principal ID', where: WHERE_SP }, fix: null }],
    },
    {
      name: "the guide's example application ID (six A's)",
      yaml: app('AAAAAA'),
      errors: [{ pointer: APP, at: 'AAAAAA', messageId: 'guideExample', data: { value: '"AAAAAA"', name: '<APPLICATION_ID>', where: WHERE_APP }, fix: null }],
    },
    {
      name: "the guide's example application ID as its command writes it (seven A's)",
      yaml: app('AAAAAAA'),
      errors: [{ pointer: APP, messageId: 'guideExample', data: { name: '<APPLICATION_ID>' }, fix: null }],
    },
    {
      name: "the guide's example object ID 00000, quoted",
      yaml: object('"00000"'),
      errors: [{ pointer: OBJ, at: '"00000"', messageId: 'guideExample', data: { field: 'Azure > Object ID', name: '<OBJECT_ID>', where: WHERE_OBJECT }, fix: null }],
    },
    {
      name: "the guide's example organization ID as the tenant",
      yaml: tenant('TTTTTTT'),
      errors: [{ pointer: TEN, messageId: 'guideExample', data: { name: '<ORGANIZATION_ID>' }, fix: null }],
    },
    {
      name: "the guide's example service principal ID",
      yaml: sp('SSSSS'),
      errors: [{ pointer: SP, at: 'SSSSS', messageId: 'guideExample', data: { name: '<SERVICE PRINCIPAL_ID>', where: WHERE_SP }, fix: null }],
    },
    {
      name: "the guide's example in another field still is one",
      yaml: object('TTTTTT'),
      errors: [{ pointer: OBJ, messageId: 'guideExample', data: { name: '<ORGANIZATION_ID>', where: WHERE_OBJECT }, fix: null }],
    },
    {
      name: '<APPLICATION_ID> left in',
      yaml: app('"<APPLICATION_ID>"'),
      errors: [{ pointer: APP, at: '"<APPLICATION_ID>"', messageId: 'guideName', data: { value: '"<APPLICATION_ID>"', where: WHERE_APP }, fix: null }],
    },
    {
      name: '<OBJECT_ID> left in',
      yaml: object('"<OBJECT_ID>"'),
      errors: [{ pointer: OBJ, messageId: 'guideName', data: { value: '"<OBJECT_ID>"' }, fix: null }],
    },
    {
      name: '<SERVICE PRINCIPAL_ID>, as the guide spells it',
      yaml: sp('"<SERVICE PRINCIPAL_ID>"'),
      errors: [{ pointer: SP, messageId: 'guideName', data: { value: '"<SERVICE PRINCIPAL_ID>"' }, fix: null }],
    },
    {
      name: '<ORGANIZATION\\_ID> copied from the formatted guide',
      yaml: tenant('"<ORGANIZATION\\\\_ID>"'),
      errors: [{ pointer: TEN, messageId: 'guideName', data: { value: '"<ORGANIZATION\\_ID>"', where: WHERE_TENANT }, fix: null }],
    },
    {
      name: 'the name without brackets',
      yaml: app('APPLICATION_ID'),
      errors: [{ pointer: APP, messageId: 'guideName', fix: null }],
    },
    {
      name: "the Token URL's TenantID as the tenant",
      yaml: tenant('TenantID'),
      errors: [{ pointer: TEN, at: 'TenantID', messageId: 'guideName', data: { value: '"TenantID"' }, fix: null }],
    },
    {
      name: 'a placeholder tenant domain',
      yaml: tenant('yourtenant.onmicrosoft.com'),
      errors: [{ pointer: TEN, messageId: 'placeholderText', data: { value: '"yourtenant.onmicrosoft.com"', where: WHERE_TENANT }, fix: null }],
    },
    {
      name: "the portal's label typed instead of the value",
      yaml: object('Object ID'),
      errors: [{ pointer: OBJ, messageId: 'placeholderText', data: { value: '"Object ID"' }, fix: null }],
    },
    {
      name: 'a GUID template as the Secret ID',
      yaml: secretId('xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx'),
      errors: [
        {
          pointer: SECRET,
          at: 'xxxxxxxx-xxxx',
          messageId: 'placeholderText',
          data: { field: 'Azure > Client secrets #1 > Secret ID', value: '"xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"', where: WHERE_SECRET },
          fix: null,
        },
      ],
    },
    {
      name: 'a bracketed placeholder as the Secret ID of the second secret',
      yaml: edit(VESSEL, ['  exchangeOnline:', '    - { description: new secret, expires: 2028-06-30, secretId: "<secret id>" }\n  exchangeOnline:']),
      errors: [{ pointer: '/azure/clientSecrets/1/secretId', messageId: 'placeholderText', data: { field: 'Azure > Client secrets #2 > Secret ID', value: '"<secret id>"' }, fix: null }],
    },
    {
      name: 'one letter repeated',
      yaml: sp('xxxxxx'),
      errors: [{ pointer: SP, messageId: 'placeholderText', fix: null }],
    },
    {
      name: 'every ID left as the guide shows it: each reported at its own field',
      yaml: edit(
        VESSEL,
        [`tenantId: ${TENANT}`, 'tenantId: TTTTTT'],
        [`applicationId: ${APP_ID}`, 'applicationId: AAAAAA'],
        [`objectId: ${OBJECT_ID}`, 'objectId: "00000"'],
        [`servicePrincipalId: ${SP_ID}`, 'servicePrincipalId: SSSSS'],
      ),
      errors: [
        { pointer: TEN, messageId: 'guideExample', data: { name: '<ORGANIZATION_ID>' }, fix: null },
        { pointer: APP, messageId: 'guideExample', data: { name: '<APPLICATION_ID>' }, fix: null },
        { pointer: OBJ, messageId: 'guideExample', data: { name: '<OBJECT_ID>' }, fix: null },
        { pointer: SP, messageId: 'guideExample', data: { name: '<SERVICE PRINCIPAL_ID>' }, fix: null },
      ],
    },
  ],
});

describe('registeredId: what other rules may compare with', () => {
  it('gives a real ID, trimmed', () => {
    expect(registeredId(` ${APP_ID} `)).toBe(APP_ID);
    expect(registeredId('nordicstar.onmicrosoft.com', { tenant: true })).toBe('nordicstar.onmicrosoft.com');
  });

  it('gives nothing for a missing, blank or placeholder value', () => {
    for (const v of [undefined, '', '  ', '00000000-0000-0000-0000-000000000000', '<APPLICATION_ID>', 'AAAAAA', 'SSSSS', '{11111111-1111-1111-1111-111111111111}']) {
      expect(registeredId(v), String(v)).toBeUndefined();
    }
    expect(registeredId('TenantID', { tenant: true })).toBeUndefined();
    expect(registeredId('yourtenant.onmicrosoft.com', { tenant: true })).toBeUndefined();
  });

  it('isPlaceholderId agrees with the rule', () => {
    expect(isPlaceholderId('<SERVICE PRINCIPAL_ID>')).toBe(true);
    expect(isPlaceholderId(SP_ID)).toBe(false);
  });
});
