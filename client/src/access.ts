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
  dutyRecordsRead: 'deputies.duty-records.read',
  dutyRecordsCreate: 'deputies.duty-records.create',
  dutyRecordsCorrect: 'deputies.duty-records.correct',
  groupsRead: 'deputies.groups.read',
  groupsManage: 'deputies.groups.manage',
  presidiumContactsRead: 'deputies.presidium-contacts.read',
  presidiumContactsManage: 'deputies.presidium-contacts.manage',
  rankingsRead: 'deputies.rankings.read',
  dutyListsRead: 'deputies.duty-lists.read',
  dutyListsManage: 'deputies.duty-lists.manage',
  myArchiveRead: 'deputies.my-archive.read',
  // ----- Deputies registry (deputies-reg) -----
  deputiesRead: 'deputies.deputies.read',
  deputiesCreate: 'deputies.deputies.create',
  deputiesUpdate: 'deputies.deputies.update',
  deputiesImport: 'deputies.deputies.import',
  deputiesInvite: 'deputies.deputies.invite',
  deputiesRevealContact: 'deputies.deputies.reveal-contact',
  // ----- end registry -----
  reportBacksRead: 'deputies.report-backs.read',
  reportBacksManage: 'deputies.report-backs.manage',
  quarterlyReportsRead: 'deputies.quarterly-reports.read',
  quarterlyReportsManage: 'deputies.quarterly-reports.manage',
  quarterlySettingsUpdate: 'deputies.quarterly-settings.update',
  myReportsRead: 'deputies.my-reports.read',
  myReportBacksEdit: 'deputies.my-report-backs.edit',
  stationsRead: 'stations.stations.read',
  stationsManage: 'stations.stations.manage',
  stationsUpdate: 'stations.stations.update',
  stationAssignmentsManage: 'stations.assignments.manage',
  // ----- Stations: duty rota -----
  rotaRead: 'stations.rota.read',
  rotaManage: 'stations.rota.manage',
  rotaSwap: 'stations.rota.swap',
  // ----- end duty rota -----
  // ----- Stations: reception events (集中接待) -----
  receptionsRead: 'stations.receptions.read',
  receptionsManage: 'stations.receptions.manage',
  receptionsAttend: 'stations.receptions.attend',
  inboxUse: 'notifications.inbox.use',
  channelsManage: 'notifications.channels.manage',
  // ----- Stations: residents' opinions (社情民意) -----
  opinionsRead: 'stations.opinions.read',
  opinionsManage: 'stations.opinions.manage',
  opinionsAnswer: 'stations.opinions.answer',
  // ----- Stations: monthly public notice (月度公示) -----
  noticesRead: 'stations.notices.read',
  noticesManage: 'stations.notices.manage',
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
    canReadDutyRecords: can(PERMISSIONS.dutyRecordsRead),
    canCreateDutyRecords: can(PERMISSIONS.dutyRecordsCreate),
    canCorrectDutyRecords: can(PERMISSIONS.dutyRecordsCorrect),
    canReadGroups: can(PERMISSIONS.groupsRead),
    canManageGroups: can(PERMISSIONS.groupsManage),
    canReadPresidiumContacts: can(PERMISSIONS.presidiumContactsRead),
    canManagePresidiumContacts: can(PERMISSIONS.presidiumContactsManage),
    canReadRankings: can(PERMISSIONS.rankingsRead),
    canReadDutyLists: can(PERMISSIONS.dutyListsRead),
    canManageDutyLists: can(PERMISSIONS.dutyListsManage),
    canReadMyArchive: can(PERMISSIONS.myArchiveRead),
    /** Holds the deputy role and no other: the console opens on "my archive". */
    isOnlyDeputy: (me?.roles ?? []).length > 0 && (me?.roles ?? []).every((r) => r === 'deputy'),
    // ----- Deputies registry (deputies-reg) -----
    canReadDeputies: can(PERMISSIONS.deputiesRead),
    canCreateDeputies: can(PERMISSIONS.deputiesCreate),
    canUpdateDeputies: can(PERMISSIONS.deputiesUpdate),
    canImportDeputies: can(PERMISSIONS.deputiesImport),
    canInviteDeputies: can(PERMISSIONS.deputiesInvite),
    canRevealDeputyContact: can(PERMISSIONS.deputiesRevealContact),
    // ----- end registry -----
    canReadReportBacks: can(PERMISSIONS.reportBacksRead),
    canManageReportBacks: can(PERMISSIONS.reportBacksManage),
    canReadQuarterlyReports: can(PERMISSIONS.quarterlyReportsRead),
    canManageQuarterlyReports: can(PERMISSIONS.quarterlyReportsManage),
    canUpdateQuarterlySettings: can(PERMISSIONS.quarterlySettingsUpdate),
    canReadMyReports: can(PERMISSIONS.myReportsRead),
    canEditMyReportBacks: can(PERMISSIONS.myReportBacksEdit),
    canReadStations: can(PERMISSIONS.stationsRead),
    canManageStations: can(PERMISSIONS.stationsManage),
    /** Staff edit any station; a keeper only those they keep (the API checks which). */
    canUpdateStations: can(PERMISSIONS.stationsUpdate),
    canManageStationDeputies: can(PERMISSIONS.stationAssignmentsManage),
    // ----- Stations: duty rota -----
    canReadRota: can(PERMISSIONS.rotaRead),
    canManageRota: can(PERMISSIONS.rotaManage),
    canUseMyDuty: can(PERMISSIONS.rotaSwap),
    // ----- end duty rota -----
    canReadReceptions: can(PERMISSIONS.receptionsRead),
    canManageReceptions: can(PERMISSIONS.receptionsManage),
    canAttendReceptions: can(PERMISSIONS.receptionsAttend),
    canUseInbox: can(PERMISSIONS.inboxUse),
    canManageChannels: can(PERMISSIONS.channelsManage),
    canReadOpinions: can(PERMISSIONS.opinionsRead),
    canManageOpinions: can(PERMISSIONS.opinionsManage),
    canAnswerOpinions: can(PERMISSIONS.opinionsAnswer),
    canReadNotices: can(PERMISSIONS.noticesRead),
    canManageNotices: can(PERMISSIONS.noticesManage),
    /** May enter the child tenants of the active one (the tenant switcher lists them). */
    canSupervise: can(PERMISSIONS.supervise) || (me?.roles ?? []).includes('supervisor'),
  };
}

export type Access = ReturnType<typeof access>;
export type AccessKey = keyof Access;
