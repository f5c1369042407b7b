// Keys are the route table's `name` (src/config/routes.tsx): one key per menu item and breadcrumb.
export default {
  home: '工作台',
  system: '系统管理',
  'system.tenants': '组织机构',
  'system.handling-units': '承办单位',
  'system.jobs': '定时任务',
  'system.calendar': '工作日历',
  'system.audit': '审计日志',
  'system.exports': '我的导出',
  'system.users': '用户管理',
  'system.users.detail': '用户详情',
  // ----- Deputies registry (deputies-reg) -----
  deputies: '代表工作',
  'deputies.registry': '代表名册',
  'deputies.registry.detail': '代表档案',
  // ----- end registry -----
  profile: '个人中心',
  'profile.info': '个人信息',
  'profile.security': '密码与身份验证器',
  notifications: '消息中心',
  'system.notification-channels': '通知渠道',
  'profile.notifications': '通知设置',
};
