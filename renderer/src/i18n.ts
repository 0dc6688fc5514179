import type { ErrorCode } from '../../main/common/contract/errors.js';
import type { JobStatus } from '../../main/common/contract/jobs.js';
import type { DocumentType, PrereviewOutput } from '../../main/common/contract/prereview.js';

/** Bilingual labels: Chinese first, then English. */
export const L = {
  appName: '智能中心',
  appNameEn: 'Intelligent Center',
  electron: '桌面应用 Desktop app (Electron)',
  browser: '浏览器控制台 Browser console (loopback)',
  navPrereview: '预审 Pre-review',
  navOcr: '文字识别 OCR',
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
  remove: '移除 Remove',
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

export type Verdict = PrereviewOutput['verdict'];
export type CheckStatus = PrereviewOutput['checks'][number]['status'];

export const verdictLabel: Record<Verdict, { zh: string; en: string; hint: string }> = {
  pass: { zh: '通过', en: 'Pass', hint: '材料齐全、有效、一致。受理前仍请人工确认。 Complete, valid and consistent; confirm before accepting.' },
  needs_review: {
    zh: '需人工复核',
    en: 'Needs review',
    hint: '有需要人工核对的项目，请查看下方黄色项。 Some findings need a human look: see the items in yellow below.',
  },
  fail: { zh: '不通过', en: 'Fail', hint: '有缺失或无效的材料，请查看下方红色项。 Materials are missing or invalid: see the items in red below.' },
};

export const checkStatusLabel: Record<CheckStatus, string> = {
  fail: '不通过 Failed',
  warn: '需复核 Needs review',
  pass: '通过 Passed',
};

export const docTypeLabel: Record<DocumentType, string> = {
  id_card_front: '身份证人像面 ID card (photo side)',
  id_card_back: '身份证国徽面 ID card (emblem side)',
  business_license: '营业执照 Business licence',
  application_form: '申请书 Application form',
  household_register: '户口簿 Household register',
  generic: '其他材料 Other document',
};

/** Field names of pre-review documents (upper snake case); unknown ones show as they are. */
const fieldLabels: Record<string, string> = {
  NAME: '姓名 Name',
  SEX: '性别 Sex',
  ETHNICITY: '民族 Ethnicity',
  BIRTH_DATE: '出生日期 Date of birth',
  ADDRESS: '住址 Address',
  ID_NUMBER: '公民身份号码 ID number',
  ISSUER: '签发机关 Issuing authority',
  ISSUE_DATE: '签发日期 Date of issue',
  VALID_FROM: '有效期起 Valid from',
  VALID_UNTIL: '有效期至 Valid until',
  USCC: '统一社会信用代码 Unified social credit code',
  COMPANY_NAME: '名称 Entity name',
  ENTITY_TYPE: '类型 Entity type',
  LEGAL_REPRESENTATIVE: '法定代表人 Legal representative',
  REGISTERED_CAPITAL: '注册资本 Registered capital',
  ESTABLISHED_DATE: '成立日期 Date of establishment',
  BUSINESS_SCOPE: '经营范围 Business scope',
  PHONE: '联系电话 Phone',
  APPLICANT: '申请人 Applicant',
  APPLICATION_DATE: '申请日期 Application date',
  HOUSEHOLDER: '户主姓名 Head of household',
  RELATIONSHIP: '与户主关系 Relationship',
  BIRTHPLACE: '出生地 Place of birth',
  NATIVE_PLACE: '籍贯 Native place',
  HOUSEHOLD_TYPE: '户别 Household type',
  LICENCE_NUMBER: '许可证编号 Licence number',
  DOCUMENT_NUMBER: '证件号码 Document number',
};

export function fieldLabel(name: string): string {
  return fieldLabels[name] ?? name;
}

export const ocrEngineLabel: Record<'auto' | 'ppocr' | 'tesseract', string> = {
  auto: '自动 Auto',
  ppocr: 'PP-OCRv4',
  tesseract: 'Tesseract',
};

export const scriptLabel: Record<'auto' | 'zh-Hans' | 'zh-Hant' | 'en', string> = {
  auto: '自动检测 Auto-detect',
  'zh-Hans': '简体中文 Simplified Chinese',
  'zh-Hant': '繁體中文 Traditional Chinese',
  en: '英文 English',
};
