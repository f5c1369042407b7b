export default {
  redirecting: '正在跳转到统一登录页面…',
  signingIn: '正在完成登录…',
  signingOut: '正在退出…',
  failedTitle: '登录未完成',
  failed: '统一登录没有完成:{{message}}',
  accessDenied: '您在所选单位没有席位,或无权进入该单位。',
  signInAgain: '重新登录',
  sessionExpired: '登录已过期,请重新登录。',
};
