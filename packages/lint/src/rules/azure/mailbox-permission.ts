import { defineRule } from '../../engine/define-rule.js';
import { fieldName } from '../../engine/messages.js';
import { joinPointer } from '../../load/pointer.js';
import { guidKey } from '../../model/guid.js';
import { isEmail } from '../../model/values.js';
import { ours, showValue, type Shown } from '../../secrets/show.js';
import { registeredId } from '../../rule-kit/azure-ids.js';

const SP_POINTER = '/azure/exchangeOnline/servicePrincipalId';

/** The GUID of an Azure ID field as a command takes it, or the name of what to type when it is not known. */
function guidArgument(pointer: string, value: string | undefined, unknown: string): Shown {
  const key = guidKey(registeredId(value));
  return key === undefined ? ours(unknown) : showValue(pointer, key, { bare: true });
}

/** A value as PowerShell takes it: bare when it is a plain word, such as a GUID; quoted otherwise. */
function psValue(pointer: string, value: string): Shown {
  return showValue(pointer, value, { bare: /^[A-Za-z0-9._@-]+$/.test(value) });
}

const GRANT = 'run Add-MailboxPermission -Identity {{mailbox}} -User {{user}} -AccessRights FullAccess';

export default defineRule({
  id: 'azure/mailbox-permission',
  severity: 'error',
  docs: {
    description:
      "Exchange Online knows TM Master's service principal (New-ServicePrincipal) and has given it FullAccess to the POP3 mailbox (Add-MailboxPermission)",
  },
  fixable: false,
  messages: {
    noServicePrincipal:
      '{{field}} is not filled in: Exchange Online has no service principal for TM Master (New-ServicePrincipal was not run), ' +
      'so POP3 sign-in fails; run New-ServicePrincipal -AppId {{appId}} -ObjectId {{objectId}}, then Get-ServicePrincipal | Format-List, ' +
      'and enter the ID it lists for TM Master here',
    noGrant:
      '{{field}} lists no mailbox permission for the POP3 mailbox {{mailbox}} ({{userNameField}}): ' +
      `POP3 sign-in fails with "-ERR Authentication failure"; ${GRANT}`,
    otherRights:
      '{{field}} gives the POP3 mailbox {{mailbox}} ({{userNameField}}) {{rights}} but not FullAccess: ' +
      `TM Exchange needs FullAccess to download replication mail; ${GRANT}`,
    noRights:
      '{{field}} is not filled in for the POP3 mailbox {{mailbox}} ({{userNameField}}): ' +
      `TM Exchange needs FullAccess to download replication mail; ${GRANT}`,
  },
  check(ctx) {
    const azure = ctx.manifest.azure;
    const exchangeOnline = azure?.exchangeOnline;
    if (!exchangeOnline) return;

    // A placeholder left in (<SERVICE_PRINCIPAL_ID>, SSSSS) is azure/placeholder-id's finding: the ID is written, but unknown.
    const spText = exchangeOnline.servicePrincipalId?.trim();
    if (ctx.written(SP_POINTER) !== 'invalid' && (spText === undefined || spText === '')) {
      ctx.report({
        messageId: 'noServicePrincipal',
        pointer: SP_POINTER,
        data: {
          appId: guidArgument('/azure/applicationId', azure?.applicationId, '<Application (client) ID>'),
          objectId: guidArgument('/azure/objectId', azure?.objectId, '<Enterprise application Object ID>'),
        },
      });
    }

    const pop3 = ctx.sections.find((s) => s.channel === 'pop3');
    if (!pop3 || !pop3.oauthApplies) return;
    const userNamePointer = pop3.tabPointer('userName');
    const mailbox = pop3.oauth2?.userName?.trim();
    // no mailbox to look for: oauth2/user-name says what to type
    if (mailbox === undefined || !isEmail(mailbox)) return;

    const list = exchangeOnline.mailboxPermissions;
    const wanted = mailbox.toLowerCase();
    const entries: Array<{ index: number; rights: readonly (string | undefined)[] | undefined }> = [];
    let unreadable = false;
    list?.forEach((item, index) => {
      if (item?.mailbox?.trim().toLowerCase() !== wanted) return;
      const rightsPointer = joinPointer('/azure/exchangeOnline/mailboxPermissions', index, 'accessRights');
      // accessRights: FullAccess (text, not a list) is the schema's finding; what was granted cannot be read
      if (ctx.written(rightsPointer) === 'invalid') unreadable = true;
      entries.push({ index, rights: item.accessRights });
    });
    if (unreadable) return;
    const fullAccess = (rights: readonly (string | undefined)[] | undefined): boolean =>
      rights?.some((r) => r?.trim().toLowerCase() === 'fullaccess') ?? false;
    if (entries.some((e) => fullAccess(e.rights))) return;

    const sp = registeredId(spText);
    const data = {
      mailbox: showValue(userNamePointer, mailbox),
      userNameField: fieldName(userNamePointer),
      user: sp === undefined ? ours('<ID from Get-ServicePrincipal>') : psValue(SP_POINTER, sp),
    };
    const first = entries[0];
    if (first) {
      const pointer = joinPointer('/azure/exchangeOnline/mailboxPermissions', first.index, 'accessRights');
      const granted = (first.rights ?? []).map((r) => r?.trim()).filter((r): r is string => r !== undefined && r !== '');
      if (granted.length === 0) {
        ctx.report({ messageId: 'noRights', pointer, data });
        return;
      }
      const rights = ours(granted.map((r, i) => showValue(joinPointer(pointer, i), r)).join(', '));
      ctx.report({ messageId: 'otherRights', pointer, data: { ...data, rights } });
      return;
    }
    ctx.report({ messageId: 'noGrant', pointer: list ? '/azure/exchangeOnline/mailboxPermissions' : '/azure/exchangeOnline', data });
  },
});
