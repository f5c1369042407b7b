import type { Me } from '@/access';

export function makeMe(overrides: Partial<Me> & { permissions?: string[]; roles?: string[] } = {}): Me {
  return {
    user: { id: 'u1', userName: 'deputy.wang', displayName: '王建国', phoneNumber: null, twoFactorEnabled: false },
    tenant: { id: 't-xinchang', code: 'xinchang', name: '新昌镇人大主席团', kind: 'Township', supervised: false },
    roles: ['deputy'],
    permissions: ['identity.profile.read', 'identity.handling-units.read'],
    memberships: [
      { tenantId: 't-liucheng', tenantCode: 'liucheng', tenantName: '柳城区人大常委会', tenantKind: 'District', roles: ['deputy'] },
      { tenantId: 't-xinchang', tenantCode: 'xinchang', tenantName: '新昌镇人大主席团', tenantKind: 'Township', roles: ['deputy'] },
    ],
    ...overrides,
  };
}
