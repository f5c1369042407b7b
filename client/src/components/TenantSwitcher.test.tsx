import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { makeMe } from '@/test/fixtures';
import TenantSwitcher, { supervisedTenants } from './TenantSwitcher';

const tenant = (code: string, name: string, path: string, parentId: string | null, isActive = true) => ({
  id: `t-${code}`, code, name, kind: parentId ? 'Street' as const : 'District' as const, parentId, path, depth: path.split('/').length - 3, isActive, version: 'v',
});
const tree = [
  tenant('liucheng', '柳城区人大常委会', '/liucheng/', null),
  tenant('dongliu', '东柳街道人大工委', '/liucheng/dongliu/', 't-liucheng'),
  tenant('xiliu', '西柳街道人大工委', '/liucheng/xiliu/', 't-liucheng'),
  tenant('closed', '已撤销街道', '/liucheng/closed/', 't-liucheng', false),
];

function open() {
  fireEvent.mouseDown(within(screen.getByTestId('tenant-switcher')).getByRole('combobox'));
}

describe('TenantSwitcher', () => {
  it('shows the active tenant and lists every seat', async () => {
    render(<TenantSwitcher me={makeMe()} onSwitch={() => {}} />);
    expect(screen.getByTestId('tenant-switcher')).toHaveTextContent('新昌镇人大主席团');
    open();
    const options = await screen.findAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['柳城区人大常委会', '新昌镇人大主席团']);
  });

  it('switches to the chosen seat', async () => {
    const onSwitch = vi.fn();
    render(<TenantSwitcher me={makeMe()} onSwitch={onSwitch} />);
    open();
    fireEvent.click((await screen.findAllByTitle('柳城区人大常委会')).find((e) => e.classList.contains('ant-select-item-option'))!);
    expect(onSwitch).toHaveBeenCalledWith('liucheng', '柳城区人大常委会');
  });

  it('adds the child tenants a supervisor may enter, not their own seats nor closed ones', async () => {
    const me = makeMe({
      tenant: { id: 't-liucheng', code: 'liucheng', name: '柳城区人大常委会', kind: 'District', supervised: false },
      roles: ['staff', 'supervisor'],
      memberships: [{ tenantId: 't-liucheng', tenantCode: 'liucheng', tenantName: '柳城区人大常委会', tenantKind: 'District', roles: ['staff', 'supervisor'] }],
    });
    const supervised = supervisedTenants(me, tree);
    expect(supervised.map((t) => t.code)).toEqual(['dongliu', 'xiliu']);
    render(<TenantSwitcher me={me} supervised={supervised} onSwitch={() => {}} />);
    open();
    expect(await screen.findByText('督导的下级单位')).toBeInTheDocument();
    expect((await screen.findAllByRole('option')).map((o) => o.textContent)).toEqual(['柳城区人大常委会', '东柳街道人大工委', '西柳街道人大工委']);
  });
});
