import type { Messages } from '../types';

export default {
  title: 'Attachments',
  upload: 'Upload files',
  hint: 'Images (JPG, PNG, GIF, WebP), PDF, Word, Excel, PowerPoint and text files; the type is checked from the content, executables are refused.',
  empty: 'No attachments',
  download: 'Download',
  remove: 'Delete',
  removeConfirm: 'Delete the attachment "{{name}}"? This cannot be undone.',
  uploaded: 'Uploaded: {{name}}',
  removed: 'Attachment deleted',
  meta: '{{size}} · {{by}} · {{at}}',
} satisfies Messages['attachments'];
