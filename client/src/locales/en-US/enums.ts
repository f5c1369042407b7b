import type { Messages } from '../types';

export default {
  accountStatus: { Active: 'Active', Disabled: 'Disabled' },
  tenantKind: { District: 'District standing committee', Street: 'Street working committee', Township: 'Township presidium' },
  handlingUnitKind: {
    GovernmentDepartment: 'Government department',
    StreetOffice: 'Street office',
    TownshipGovernment: 'Township government',
    PublicService: 'Public service',
    Other: 'Other',
  },
  status: { active: 'Active', inactive: 'Disabled' },
  jobState: {
    Normal: 'Normal',
    Paused: 'Paused',
    Blocked: 'Running',
    Executing: 'Running',
    Error: 'Error',
    Complete: 'Complete',
    None: 'Not scheduled',
  },
  jobOutcome: { never: 'Never run', running: 'Running', succeeded: 'Succeeded', failed: 'Failed' },
  role: {
    'system-admin': 'System administrator',
    'security-admin': 'Security administrator',
    'audit-admin': 'Audit administrator',
    'tenant-admin': 'Organisation administrator',
    supervisor: 'Supervisor',
    leader: 'Leader',
    staff: 'Staff',
    'station-keeper': 'Station keeper',
    deputy: 'Deputy',
    'unit-officer': 'Handling-unit officer',
  },
} satisfies Messages['enums'];
