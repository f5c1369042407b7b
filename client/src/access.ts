// The UI's permission flags, computed from /api/identity/me (the active tenant's roles and permissions).
// Pure: the route table's `access` names one of these flags. The UI hides what a user may not do; the API enforces it.
import type { Schemas } from '@/api/client';

export type Me = Schemas['MeDto'];

export const PERMISSIONS = {
  tenantsRead: 'identity.tenants.read',
  tenantsCreate: 'identity.tenants.create',
  tenantsUpdate: 'identity.tenants.update',
  handlingUnitsRead: 'identity.handling-units.read',
  handlingUnitsCreate: 'identity.handling-units.create',
  handlingUnitsUpdate: 'identity.handling-units.update',
  usersRead: 'identity.users.read',
  usersManage: 'identity.users.manage',
  profileRead: 'identity.profile.read',
  signingKeysRotate: 'identity.signing-keys.rotate',
  clientsManage: 'identity.clients.manage',
  auditRead: 'platform.audit.read',
  supervise: 'platform.tenants.supervise',
  jobsRead: 'platform.jobs.read',
  jobsRun: 'platform.jobs.run',
  calendarRead: 'platform.calendar.read',
  calendarManage: 'platform.calendar.manage',
  exportsUse: 'platform.exports.use',
  pointsPoliciesRead: 'deputies.points-policies.read',
  pointsPoliciesUpdate: 'deputies.points-policies.update',
  reportBacksRead: 'deputies.report-backs.read',
  reportBacksManage: 'deputies.report-backs.manage',
  quarterlyReportsRead: 'deputies.quarterly-reports.read',
  quarterlyReportsManage: 'deputies.quarterly-reports.manage',
  quarterlySettingsUpdate: 'deputies.quarterly-settings.update',
  myReportsRead: 'deputies.my-reports.read',
  myReportBacksEdit: 'deputies.my-report-backs.edit',
  inboxUse: 'notifications.inbox.use',
  channelsManage: 'notifications.channels.manage',
} as const;

export function access(me: Pick<Me, 'permissions' | 'roles'> | null | undefined) {
  const permissions = new Set(me?.permissions ?? []);
  const can = (permission: string) => permissions.has(permission);
  return {
    /** Signed in with a known profile: every page of the console that needs no more. */
    isSignedIn: !!me,
    canReadProfile: can(PERMISSIONS.profileRead),
    canReadTenants: can(PERMISSIONS.tenantsRead),
    canCreateTenants: can(PERMISSIONS.tenantsCreate),
    canUpdateTenants: can(PERMISSIONS.tenantsUpdate),
    canReadHandlingUnits: can(PERMISSIONS.handlingUnitsRead),
    canCreateHandlingUnits: can(PERMISSIONS.handlingUnitsCreate),
    canUpdateHandlingUnits: can(PERMISSIONS.handlingUnitsUpdate),
    canReadUsers: can(PERMISSIONS.usersRead),
    canManageUsers: can(PERMISSIONS.usersManage),
    canRotateSigningKeys: can(PERMISSIONS.signingKeysRotate),
    canManageClients: can(PERMISSIONS.clientsManage),
    canReadAudit: can(PERMISSIONS.auditRead),
    canReadJobs: can(PERMISSIONS.jobsRead),
    canRunJobs: can(PERMISSIONS.jobsRun),
    canReadCalendar: can(PERMISSIONS.calendarRead),
    canManageCalendar: can(PERMISSIONS.calendarManage),
    canUseExports: can(PERMISSIONS.exportsUse),
    canReadPointsPolicies: can(PERMISSIONS.pointsPoliciesRead),
    canUpdatePointsPolicies: can(PERMISSIONS.pointsPoliciesUpdate),
    canReadReportBacks: can(PERMISSIONS.reportBacksRead),
    canManageReportBacks: can(PERMISSIONS.reportBacksManage),
    canReadQuarterlyReports: can(PERMISSIONS.quarterlyReportsRead),
    canManageQuarterlyReports: can(PERMISSIONS.quarterlyReportsManage),
    canUpdateQuarterlySettings: can(PERMISSIONS.quarterlySettingsUpdate),
    canReadMyReports: can(PERMISSIONS.myReportsRead),
    canEditMyReportBacks: can(PERMISSIONS.myReportBacksEdit),
    canUseInbox: can(PERMISSIONS.inboxUse),
    canManageChannels: can(PERMISSIONS.channelsManage),
    /** May enter the child tenants of the active one (the tenant switcher lists them). */
    canSupervise: can(PERMISSIONS.supervise) || (me?.roles ?? []).includes('supervisor'),
  };
}

export type Access = ReturnType<typeof access>;
export type AccessKey = keyof Access;
