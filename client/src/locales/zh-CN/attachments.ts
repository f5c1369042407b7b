// 附件: files attached to a record (a handling unit's letters and proofs, later inspection photos, study material).
export default {
  title: '附件',
  upload: '上传附件',
  hint: '支持图片(JPG、PNG、GIF、WebP)、PDF、Word、Excel、PowerPoint 和文本文件;文件类型按内容识别,可执行文件会被拒绝。',
  empty: '暂无附件',
  download: '下载',
  remove: '删除',
  removeConfirm: '删除附件“{{name}}”?删除后无法恢复。',
  uploaded: '已上传:{{name}}',
  removed: '已删除附件',
  meta: '{{size}} · {{by}} · {{at}}',
};
