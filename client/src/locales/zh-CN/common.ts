export default {
  appName: '基层人大工作平台',
  appShortName: '人大工作平台',
  loading: '正在加载…',
  retry: '重试',
  backHome: '返回首页',
  none: '无',
  yes: '是',
  no: '否',
  requestId: '请求编号:{{id}}',
  unknownError: '操作未能完成,请稍后重试。',
  networkError: '无法连接服务器,请检查网络后重试。',
};
