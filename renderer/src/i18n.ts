import type { ErrorCode } from '../../main/common/contract/errors.js';
import type { JobStatus } from '../../main/common/contract/jobs.js';

/** Bilingual labels: Chinese first, then English. */
export const L = {
  appName: '智能中心',
  appNameEn: 'Intelligent Center',
  electron: '桌面应用 Desktop app (Electron)',
  browser: '浏览器控制台 Browser console (loopback)',
  navRun: '能力 Capabilities',
  navPlugins: '插件 Plugins',
  navJobs: '任务 Jobs',
  capabilities: '可用能力 Capabilities',
  noCapabilities: '暂无可用能力 No capabilities available. Enable a plugin on the Plugins screen.',
  run: '运行 Run',
  running: '运行中… Running…',
  input: '输入 Input',
  output: '结果 Output',
  rawJson: '原始 JSON Raw JSON',
  formView: '表单 Form',
  maskedText: '脱敏文本 Masked text',
  found: '识别项 Found items',
  noneFound: '未发现个人信息 Nothing found',
  engine: '引擎 Engine',
  time: '耗时 Time',
  copy: '复制 Copy',
  copied: '已复制 Copied',
  viewJob: '查看任务 View job',
  plugins: '已安装插件 Installed plugins',
  rejected: '被拒绝的插件 Rejected plugin folders',
  noRejected: '无 None',
  enabled: '已启用 Enabled',
  disabled: '已停用 Disabled',
  permissions: '权限 Permissions',
  noPermissions: '无特殊权限 None',
  version: '版本 Version',
  source: '来源 Source',
  provides: '提供能力 Provides',
  jobs: '任务列表 Jobs',
  noJobs: '暂无任务 No jobs yet. Run a capability to create one.',
  refresh: '刷新 Refresh',
  cancel: '取消 Cancel',
  resume: '恢复 Resume',
  detail: '详情 Detail',
  close: '关闭 Close',
  allStatuses: '全部状态 All statuses',
  status: '状态 Status',
  capability: '能力 Capability',
  items: '条目 Items',
  created: '创建时间 Created',
  duration: '用时 Duration',
  actions: '操作 Actions',
  loading: '加载中… Loading…',
  retry: '重试 Retry',
  unauthorized:
    '未授权：请打开启动时打印的链接（含令牌）。Not authorised: open the URL printed at start (it carries the token).',
  events: {
    open: '实时连接 Live',
    connecting: '连接中 Connecting',
    closed: '已断开 Offline',
  },
} as const;

export const jobStatusLabel: Record<JobStatus, string> = {
  queued: '排队 Queued',
  running: '运行中 Running',
  succeeded: '成功 Succeeded',
  failed: '失败 Failed',
  cancelled: '已取消 Cancelled',
  interrupted: '已中断 Interrupted',
};

export const errorCodeLabel: Record<ErrorCode, string> = {
  BAD_REQUEST: '输入有误 Bad input',
  NOT_FOUND: '未找到 Not found',
  UNAVAILABLE: '不可用 Unavailable',
  CANCELLED: '已取消 Cancelled',
  TIMEOUT: '超时 Timed out',
  WORKER_CRASHED: '进程崩溃 Worker crashed',
  PLUGIN_ERROR: '插件错误 Plugin error',
  BAD_MANIFEST: '清单无效 Bad manifest',
  CONFLICT: '状态冲突 Conflict',
  DB_TOO_NEW: '数据库版本过新 Database too new',
  UNAUTHORIZED: '未授权 Unauthorised',
  FORBIDDEN: '禁止访问 Forbidden',
  INTERNAL: '内部错误 Internal error',
};

/** Labels for common input field names and enum values; anything else shows as is. */
const words: Record<string, string> = {
  text: '文本 Text',
  kinds: '类型 Kinds',
  id_number: '身份证号 ID number',
  phone: '电话 Phone',
  email: '邮箱 E-mail',
  language: '语言 Language',
  source: '源语言 Source',
  target: '目标语言 Target',
  question: '问题 Question',
  query: '查询 Query',
  limit: '数量上限 Limit',
  builtin: '内置 Built-in',
  user: '用户安装 User',
  'files.read-picked': '读取所选文件 Read picked files',
};

export function word(key: string): string {
  return words[key] ?? key;
}
