export default {
  account: '账号',
  userName: '用户名',
  displayName: '姓名',
  phone: '手机号码',
  notSet: '未登记',
  activeTenant: '当前单位',
  activeRoles: '当前角色',
  seats: '我的席位',
  passwordTitle: '修改密码',
  passwordText:
    '密码只在统一登录页面设置,本系统不经手您的密码。首次登录、管理员重置密码后,或管理员账号的密码到期时,登录页面会要求您设置新密码。',
  passwordHowTo: '如需现在更换密码,请联系本单位管理员为您重置密码;下次登录时,登录页面会请您设置只有您自己知道的新密码。',
  authenticatorTitle: '身份验证器(第二重验证)',
  authenticatorOn: '已启用:登录时需输入身份验证器应用中的六位动态码。',
  authenticatorOff: '未启用。',
  authenticatorText:
    '系统管理员、安全管理员、审计管理员和单位管理员必须使用身份验证器,首次登录时在登录页面扫码绑定。更换手机或丢失验证器时,请联系安全管理员。',
  enabled: '已启用',
  disabled: '未启用',
};
