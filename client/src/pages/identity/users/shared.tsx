// What the user list and a user's page share: role names and choices, the profile field rules (the same as the
// API's validators: Features/Users/UserAdministrationRules.cs, CreateUser.cs, Accounts/PhoneNumberValidator.cs),
// status tags and the one-time temporary password.
import { Alert, Button, Checkbox, Modal, Tag, Tooltip, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Me } from '@/access';
import type { Schemas } from '@/api/client';

export type User = Schemas['UserDto'];

export const usersQueryKey = ['identity', 'users'] as const;
export const userQueryKey = (id: string) => [...usersQueryKey, id] as const;
export type Membership = Schemas['UserMembershipDto'];

/** Every role, in the server's order (BuildingBlocks/Security/Roles.cs). */
export const ROLES = [
  'system-admin',
  'security-admin',
  'audit-admin',
  'tenant-admin',
  'supervisor',
  'leader',
  'staff',
  'station-keeper',
  'deputy',
  'unit-officer',
] as const;

/** What a tenant administrator may grant; the other roles only a security administrator (三员分立). */
export const ORDINARY_ROLES: readonly string[] = ['leader', 'staff', 'station-keeper', 'deputy', 'unit-officer'];

/** The roles the signed-in person may grant or take away in the active tenant (the API decides in the end). */
export function grantableRoles(me: Pick<Me, 'roles'>): readonly string[] {
  return me.roles.includes('security-admin') ? ROLES : ORDINARY_ROLES;
}

export function useRoleName() {
  const { t } = useTranslation();
  return (role: string) => t(`enums.role.${role}`, { defaultValue: role });
}

export function RoleTags({ roles, color = 'blue' }: { roles: readonly string[]; color?: string }) {
  const roleName = useRoleName();
  return (
    <>
      {roles.map((r) => (
        <Tag key={r} color={color}>
          {roleName(r)}
        </Tag>
      ))}
    </>
  );
}

export function StatusTag({ status }: { status: User['status'] }) {
  const { t } = useTranslation();
  return <Tag color={status === 'Active' ? 'success' : 'default'}>{t(`enums.accountStatus.${status}`)}</Tag>;
}

export function LockTag({ locked }: { locked: boolean }) {
  const { t } = useTranslation();
  return locked ? <Tag color="error">{t('users.lockedOut')}</Tag> : <Typography.Text type="secondary">{t('users.notLocked')}</Typography.Text>;
}

/** Role checkboxes: every role by its Chinese name; those the signed-in person may not grant are greyed out. */
export function RoleCheckboxes({
  grantable,
  value,
  onChange,
}: {
  grantable: readonly string[];
  value?: string[];
  onChange?: (value: string[]) => void;
}) {
  const { t } = useTranslation();
  const roleName = useRoleName();
  return (
    <Checkbox.Group value={value} onChange={(v) => onChange?.(v as string[])} data-testid="role-checkboxes" className="role-checkboxes">
      {ROLES.map((role) => {
        const allowed = grantable.includes(role);
        const box = (
          <Checkbox key={role} value={role} disabled={!allowed}>
            {roleName(role)}
          </Checkbox>
        );
        return allowed ? box : (
          <Tooltip key={role} title={t('users.field.rolesHelp')}>
            {box}
          </Tooltip>
        );
      })}
    </Checkbox.Group>
  );
}

const USER_NAME = /^[A-Za-z0-9._-]+$/;
const PHONE = /^1\d{10}$/;
// FluentValidation's EmailAddress (AspNetCoreCompatible): something@something, one @.
const EMAIL = /^[^@\s]+@[^@\s]+$/;

/** antd rules mirroring the API's validators, with the UI's messages. */
export function useUserRules() {
  const { t } = useTranslation();
  const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const rules = {
    userName: [
      { required: true, whitespace: true, message: t('users.rule.userNameRequired') },
      { max: 64, message: t('users.rule.userNameTooLong') },
      {
        validator: async (_, v) => {
          const s = trimmed(v);
          if (s && !USER_NAME.test(s)) throw new Error(t('users.rule.userNameChars'));
        },
      },
    ],
    displayName: [
      { required: true, whitespace: true, message: t('users.rule.displayNameRequired') },
      { validator: async (_, v) => { if (trimmed(v).length > 50) throw new Error(t('users.rule.displayNameTooLong')); } },
    ],
    phoneNumber: [
      {
        validator: async (_, v) => {
          const s = trimmed(v);
          if (s && !PHONE.test(s)) throw new Error(t('users.rule.phoneInvalid'));
        },
      },
    ],
    email: [
      {
        validator: async (_, v) => {
          const s = trimmed(v);
          if (s.length > 256) throw new Error(t('users.rule.emailTooLong'));
          if (s && !EMAIL.test(s)) throw new Error(t('users.rule.emailInvalid'));
        },
      },
    ],
    roles: [{ required: true, type: 'array', min: 1, message: t('users.rule.rolesRequired') }],
  } satisfies Record<string, Rule[]>;
  return rules;
}

/** '' and whitespace → null; otherwise trimmed (the API trims too). */
export const optional = (value: string | null | undefined) => (value && value.trim() ? value.trim() : null);

/** A DatePicker value → the API's DateOnly ('YYYY-MM-DD'). */
export const toDateOnly = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null);

/** The roles a user holds in a tenant ([] without a membership there). */
export const rolesIn = (user: Pick<User, 'memberships'>, tenantId: string) =>
  user.memberships.find((m) => m.tenantId === tenantId)?.roles ?? [];

/** The temporary password, shown once after creating an account or resetting its password. */
export function TemporaryPasswordModal({
  password,
  text,
  onClose,
}: {
  password: string | undefined;
  text: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={password !== undefined}
      title={t('users.temporaryPassword.title')}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose} data-testid="temporary-password-done">
          {t('users.temporaryPassword.done')}
        </Button>
      }
    >
      <Typography.Paragraph>{text}</Typography.Paragraph>
      <Typography.Paragraph>
        <Typography.Text
          code
          copyable={{ text: password ?? '', tooltips: [t('users.temporaryPassword.copy'), t('users.temporaryPassword.copied')] }}
          style={{ fontSize: 20 }}
          data-testid="temporary-password"
        >
          {password}
        </Typography.Text>
      </Typography.Paragraph>
      <Alert type="warning" showIcon title={t('users.temporaryPassword.hint')} />
    </Modal>
  );
}
