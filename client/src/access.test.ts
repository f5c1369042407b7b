import { describe, expect, it } from 'vitest';
import { access, PERMISSIONS } from './access';
import { makeMe } from './test/fixtures';

const FLAG_OF: Record<string, string> = {
  canReadProfile: PERMISSIONS.profileRead,
  canReadTenants: PERMISSIONS.tenantsRead,
  canCreateTenants: PERMISSIONS.tenantsCreate,
  canUpdateTenants: PERMISSIONS.tenantsUpdate,
  canReadHandlingUnits: PERMISSIONS.handlingUnitsRead,
  canCreateHandlingUnits: PERMISSIONS.handlingUnitsCreate,
  canUpdateHandlingUnits: PERMISSIONS.handlingUnitsUpdate,
  canReadUsers: PERMISSIONS.usersRead,
  canManageUsers: PERMISSIONS.usersManage,
  canRotateSigningKeys: PERMISSIONS.signingKeysRotate,
  canManageClients: PERMISSIONS.clientsManage,
  canReadAudit: PERMISSIONS.auditRead,
  canReadJobs: PERMISSIONS.jobsRead,
  canRunJobs: PERMISSIONS.jobsRun,
  canReadCalendar: PERMISSIONS.calendarRead,
  canManageCalendar: PERMISSIONS.calendarManage,
  canUseExports: PERMISSIONS.exportsUse,
  canReadPointsPolicies: PERMISSIONS.pointsPoliciesRead,
  canUpdatePointsPolicies: PERMISSIONS.pointsPoliciesUpdate,
  // ----- Deputies registry (deputies-reg) -----
  canReadDeputies: PERMISSIONS.deputiesRead,
  canCreateDeputies: PERMISSIONS.deputiesCreate,
  canUpdateDeputies: PERMISSIONS.deputiesUpdate,
  canImportDeputies: PERMISSIONS.deputiesImport,
  canInviteDeputies: PERMISSIONS.deputiesInvite,
  canRevealDeputyContact: PERMISSIONS.deputiesRevealContact,
  // ----- end registry -----
  canReadReportBacks: PERMISSIONS.reportBacksRead,
  canManageReportBacks: PERMISSIONS.reportBacksManage,
  canReadQuarterlyReports: PERMISSIONS.quarterlyReportsRead,
  canManageQuarterlyReports: PERMISSIONS.quarterlyReportsManage,
  canUpdateQuarterlySettings: PERMISSIONS.quarterlySettingsUpdate,
  canReadMyReports: PERMISSIONS.myReportsRead,
  canEditMyReportBacks: PERMISSIONS.myReportBacksEdit,
  canUseInbox: PERMISSIONS.inboxUse,
  canManageChannels: PERMISSIONS.channelsManage,
  canReadStations: PERMISSIONS.stationsRead,
  canManageStations: PERMISSIONS.stationsManage,
  canUpdateStations: PERMISSIONS.stationsUpdate,
  canManageStationDeputies: PERMISSIONS.stationAssignmentsManage,
  canSupervise: PERMISSIONS.supervise,
  canReadDutyRecords: PERMISSIONS.dutyRecordsRead,
  canCreateDutyRecords: PERMISSIONS.dutyRecordsCreate,
  canCorrectDutyRecords: PERMISSIONS.dutyRecordsCorrect,
  canReadGroups: PERMISSIONS.groupsRead,
  canManageGroups: PERMISSIONS.groupsManage,
  canReadPresidiumContacts: PERMISSIONS.presidiumContactsRead,
  canManagePresidiumContacts: PERMISSIONS.presidiumContactsManage,
  canReadRankings: PERMISSIONS.rankingsRead,
  canReadDutyLists: PERMISSIONS.dutyListsRead,
  canManageDutyLists: PERMISSIONS.dutyListsManage,
  canReadMyArchive: PERMISSIONS.myArchiveRead,
  canReadRota: PERMISSIONS.rotaRead,
  canManageRota: PERMISSIONS.rotaManage,
  canUseMyDuty: PERMISSIONS.rotaSwap,
  canReadReceptions: PERMISSIONS.receptionsRead,
  canManageReceptions: PERMISSIONS.receptionsManage,
  canAttendReceptions: PERMISSIONS.receptionsAttend,
  canReadOpinions: PERMISSIONS.opinionsRead,
  canManageOpinions: PERMISSIONS.opinionsManage,
  canAnswerOpinions: PERMISSIONS.opinionsAnswer,
  canReadNotices: PERMISSIONS.noticesRead,
  canManageNotices: PERMISSIONS.noticesManage,
};

describe('access', () => {
  it('is all false without a user', () => {
    expect(Object.values(access(null)).every((v) => v === false)).toBe(true);
  });

  it.each(Object.entries(FLAG_OF))('%s follows %s and nothing else', (flag, permission) => {
    const only = access({ permissions: [permission], roles: [] }) as Record<string, boolean>;
    expect(only[flag]).toBe(true);
    const others = Object.entries(FLAG_OF).filter(([f]) => f !== flag && FLAG_OF[f] !== permission);
    for (const [other] of others) expect(only[other], other).toBe(false);
    const without = access({ permissions: Object.values(FLAG_OF).filter((p) => p !== permission), roles: [] }) as Record<string, boolean>;
    expect(without[flag]).toBe(false);
  });

  it('has a test for every flag', () => {
    const flags = Object.keys(access(null)).filter((f) => f !== 'isSignedIn' && f !== 'isOnlyDeputy');
    expect(flags.sort()).toEqual(Object.keys(FLAG_OF).sort());
  });

  it('counts a supervisor role as supervising', () => {
    expect(access({ permissions: [], roles: ['supervisor', 'staff'] }).canSupervise).toBe(true);
  });

  it('gives a deputy only what the deputy role holds', () => {
    const flags = access(makeMe());
    expect(flags.isSignedIn).toBe(true);
    expect(flags.canReadProfile).toBe(true);
    expect(flags.canReadHandlingUnits).toBe(true);
    expect(flags.canReadTenants || flags.canManageUsers || flags.canReadJobs || flags.canReadAudit || flags.canManageClients).toBe(false);
  });

  it('opens on "my archive" only for a user whose roles are all deputy', () => {
    expect(access(makeMe({ roles: ['deputy'] })).isOnlyDeputy).toBe(true);
    expect(access(makeMe({ roles: ['deputy', 'staff'] })).isOnlyDeputy).toBe(false);
    expect(access(makeMe({ roles: [] })).isOnlyDeputy).toBe(false);
    expect(access(null).isOnlyDeputy).toBe(false);
  });
});
