// The active tenant in the header, and the way to another one: the user's seats and, for a supervisor, the
// child tenants they may enter. Choosing one starts a silent re-authorization for that tenant (auth/oidc.ts).
import { SwapOutlined } from '@ant-design/icons';
import { Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Me } from '@/access';
import type { Schemas } from '@/api/client';

type Tenant = Schemas['TenantDto'];

export interface TenantSwitcherProps {
  me: Me;
  /** Tenants under the active one that a supervisor may enter (from GET /api/identity/tenants); [] otherwise. */
  supervised?: Tenant[];
  loading?: boolean;
  onSwitch: (code: string, name: string) => void;
}

/** The child tenants of `current` in `tenants` (the API's tree list), active ones, minus the user's own seats. */
export function supervisedTenants(me: Me, tenants: Tenant[]): Tenant[] {
  const current = tenants.find((t) => t.id === me.tenant.id);
  if (!current) return [];
  const seats = new Set(me.memberships.map((m) => m.tenantCode));
  return tenants
    .filter((t) => t.id !== current.id && t.isActive && t.path.startsWith(current.path) && !seats.has(t.code))
    .sort((a, b) => a.path.localeCompare(b.path));
}

export default function TenantSwitcher({ me, supervised = [], loading, onSwitch }: TenantSwitcherProps) {
  const { t } = useTranslation();
  const names = new Map<string, string>();
  const seatOptions = me.memberships.map((m) => {
    names.set(m.tenantCode, m.tenantName);
    return { value: m.tenantCode, label: m.tenantName, title: m.tenantName };
  });
  const supervisedOptions = supervised.map((s) => {
    names.set(s.code, s.name);
    return { value: s.code, label: s.name, title: s.name };
  });
  const options = [{ label: t('layout.mySeats'), title: t('layout.mySeats'), options: seatOptions }];
  if (supervisedOptions.length > 0) {
    options.push({ label: t('layout.supervisedTenants'), title: t('layout.supervisedTenants'), options: supervisedOptions });
  }
  if (!names.has(me.tenant.code)) {
    // Entered by supervision and not listed under the supervised ones (e.g. a deeper level): still show it.
    names.set(me.tenant.code, me.tenant.name);
    options.unshift({ label: t('layout.tenant'), title: t('layout.tenant'), options: [{ value: me.tenant.code, label: me.tenant.name, title: me.tenant.name }] });
  }
  return (
    <div className="tenant-switcher" data-testid="tenant-switcher">
      <Select
        aria-label={t('layout.switchTenant')}
        value={me.tenant.code}
        options={options}
        loading={loading}
        suffixIcon={<SwapOutlined />}
        popupMatchSelectWidth={false}
        showSearch={{ optionFilterProp: 'title' }}
        placeholder={t('layout.switchTenantPlaceholder')}
        variant="borderless"
        className="tenant-switcher-select"
        onChange={(code: string) => {
          if (code !== me.tenant.code) onSwitch(code, names.get(code) ?? code);
        }}
      />
      {me.tenant.supervised ? <Tag color="gold">{t('layout.supervisedBadge')}</Tag> : null}
    </div>
  );
}
