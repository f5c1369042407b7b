export default {
  forbiddenTitle: '无权访问',
  forbidden: '您没有访问此页面的权限。',
  notFoundTitle: '页面不存在',
  notFound: '您访问的页面不存在,或已被移动。',
  errorTitle: '出错了',
  error: '页面出现错误,请稍后重试。',
  reload: '重新加载',
};
