import { defineRule } from '../../engine/define-rule.js';
import { joinPointer } from '../../load/pointer.js';
import { arr, isObj, obj, present, str } from '../../model/access.js';
import { isEmail, isGuid, quote } from '../../model/values.js';

/** A value as PowerShell takes it: bare when it is a plain word, such as a GUID. */
function psValue(value: string): string {
  return /^[A-Za-z0-9._@-]+$/.test(value) ? value : quote(value);
}

export default defineRule({
  id: 'azure/mailbox-permission',
  severity: 'error',
  docs: {
    description:
      'Exchange Online knows TM Master\'s service principal (New-ServicePrincipal) and has given it FullAccess to the POP3 mailbox (Add-MailboxPermission)',
  },
  fixable: false,
  check(ctx) {
    const azure = obj(ctx.manifest, 'azure');
    const exchangeOnline = obj(azure, 'exchangeOnline');
    if (!exchangeOnline) return;

    const written = present(exchangeOnline, 'servicePrincipalId');
    const spText = str(exchangeOnline, 'servicePrincipalId')?.trim();
    if (!written || spText === '') {
      const appId = str(azure, 'applicationId')?.trim();
      const objectId = str(azure, 'objectId')?.trim();
      const app = appId !== undefined && isGuid(appId) ? appId : '<Application (client) ID>';
      const object = objectId !== undefined && isGuid(objectId) ? objectId : '<Enterprise application Object ID>';
      ctx.report({
        pointer: '/azure/exchangeOnline/servicePrincipalId',
        message:
          'Exchange Online has no service principal ID for TM Master: New-ServicePrincipal was not run, so POP3 sign-in fails; ' +
          `run New-ServicePrincipal -AppId ${app} -ObjectId ${object}, then Get-ServicePrincipal | Format-List and write its ID as servicePrincipalId`,
      });
    }

    const pop3 = ctx.sections.find((s) => s.channel === 'pop3');
    if (!pop3 || !pop3.oauthApplies) return;
    const mailbox = pop3.tab('userName')?.trim();
    if (mailbox === undefined || !isEmail(mailbox)) return;

    const list = arr(exchangeOnline, 'mailboxPermissions');
    const wanted = mailbox.toLowerCase();
    const entries: Array<{ index: number; rights: readonly unknown[] | undefined }> = [];
    let wrongType = false;
    list?.forEach((item, index) => {
      if (!isObj(item) || str(item, 'mailbox')?.trim().toLowerCase() !== wanted) return;
      // accessRights: FullAccess (text, not a list) is the schema's finding; what was meant is not this rule's to guess
      if (present(item, 'accessRights') && arr(item, 'accessRights') === undefined) wrongType = true;
      entries.push({ index, rights: arr(item, 'accessRights') });
    });
    if (wrongType) return;
    const fullAccess = (rights: readonly unknown[] | undefined): boolean =>
      rights?.some((r) => typeof r === 'string' && r.trim().toLowerCase() === 'fullaccess') ?? false;
    if (entries.some((e) => fullAccess(e.rights))) return;

    const user = spText !== undefined && spText !== '' ? psValue(spText) : '<ID from Get-ServicePrincipal>';
    const command = `Add-MailboxPermission -Identity ${quote(mailbox)} -User ${user} -AccessRights FullAccess`;
    const first = entries[0];
    if (first) {
      const granted = (first.rights ?? []).filter((r): r is string => typeof r === 'string' && r.trim() !== '');
      const has = granted.length > 0 ? `has ${granted.map((r) => quote(r.trim())).join(', ')} but not FullAccess` : 'is listed without FullAccess';
      ctx.report({
        pointer: joinPointer('/azure/exchangeOnline/mailboxPermissions', first.index, 'accessRights'),
        message:
          `the POP3 mailbox ${quote(mailbox)} (TM Exchange POP3 > OAuth2 > User Name) ${has}: TM Exchange needs FullAccess ` +
          `to download replication mail; run ${command}`,
      });
      return;
    }
    ctx.report({
      pointer: list ? '/azure/exchangeOnline/mailboxPermissions' : '/azure/exchangeOnline',
      message:
        `the POP3 mailbox ${quote(mailbox)} (TM Exchange POP3 > OAuth2 > User Name) has no mailbox permission for TM Master: ` +
        `POP3 sign-in fails with "-ERR Authentication failure"; run ${command}`,
    });
  },
});
