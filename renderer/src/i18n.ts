import type { ErrorCode, JobStatus, OcrEngineChoice, OcrLang } from '../../main/common/contract/constants.js';
import type { DocumentType, PrereviewOutput } from '../../main/common/contract/prereview.js';

/**
 * Every piece of console text, as a Chinese/English pair. Two languages:
 * - 'zh-CN' (default): the counter's bilingual console, Chinese first and the English after it ("预审 Pre-review"),
 *   as the clerks and the foreign-language staff share one screen;
 * - 'en': English only.
 * Components read `L.<key>` (or `t('key', {n})` with placeholders) at render time; `L` is an ES live binding that
 * `setLang` rebuilds, and the App re-renders the tree when the language changes. Add a key here, never text in a
 * component.
 */
export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];
interface Pair {
  zh: string;
  en: string;
}

const messages = {
  appName: { zh: '智能中心', en: 'Intelligent Center' },
  electron: { zh: '桌面应用', en: 'Desktop app (Electron)' },
  browser: { zh: '浏览器控制台', en: 'Browser console (loopback)' },
  skipToContent: { zh: '跳到内容', en: 'Skip to content' },
  mainNav: { zh: '主导航', en: 'Main navigation' },
  offlineFoot: { zh: '离线运行 · 数据不出本机', en: 'Offline · nothing leaves this computer' },
  dataFolder: { zh: '数据目录', en: 'Data folder' },
  jobEvents: { zh: '任务事件', en: 'Job events' },
  language: { zh: '界面语言', en: 'Language' },
  langZh: { zh: '中文（附英文）', en: 'Chinese with English' },
  langEn: { zh: 'English', en: 'English' },
  unavailableBecause: { zh: '暂不可用', en: 'Unavailable' },
  packsMissing: { zh: '所需模型包未安装', en: 'the model packs it needs are not installed' },
  navPrereview: { zh: '预审', en: 'Pre-review' },
  navOcr: { zh: '文字识别', en: 'OCR' },
  navTranslate: { zh: '翻译', en: 'Translate' },
  trTitle: { zh: '翻译工作台', en: 'Translation workbench' },
  trSubtitle: { zh: '术语表与翻译记忆优先，逐句标明来源', en: 'Glossary and memory first; every segment says where it came from' },
  trDirection: { zh: '方向', en: 'Direction' },
  trZhEn: { zh: '中→英', en: 'zh → en' },
  trEnZh: { zh: '英→中', en: 'en → zh' },
  trPaste: { zh: '粘贴文本', en: 'Paste text' },
  trOpen: { zh: '打开文档', en: 'Open a document' },
  trOpenHint: { zh: '.txt .md .docx .xlf/.xliff，图片和 PDF 经文字识别', en: '.txt .md .docx .xlf/.xliff; images and PDFs through OCR' },
  trRun: { zh: '翻译', en: 'Translate' },
  trRunning: { zh: '翻译中…', en: 'Translating…' },
  trSource: { zh: '原文', en: 'Source' },
  trTarget: { zh: '译文', en: 'Target' },
  trOrigin: { zh: '来源', en: 'Origin' },
  trQa: { zh: '质检', en: 'QA' },
  trTerms: { zh: '术语', en: 'Terms' },
  trOriginModel: { zh: '机器翻译', en: 'model' },
  trOriginTm: { zh: '记忆', en: 'memory' },
  trOriginGlossary: { zh: '术语表', en: 'glossary' },
  trOriginDictionary: { zh: '词典草稿（非机器翻译）', en: 'dictionary draft (not MT)' },
  trOriginNone: { zh: '原样保留', en: 'copied' },
  trEdited: { zh: '已修改', en: 'edited' },
  trSave: { zh: '存入记忆', en: 'Save to memory' },
  trSaved: { zh: '已存入', en: 'Saved' },
  trExport: { zh: '导出', en: 'Export' },
  trEngine: { zh: '引擎', en: 'Engine' },
  trDraftNote: {
    zh: '未安装翻译模型：未命中记忆和术语的句子为 CC-CEDICT 逐词词典草稿，仅供参考，不是机器翻译。',
    en: 'No translation model is installed: segments not found in memory or the glossary are word-by-word CC-CEDICT dictionary drafts for reference, not machine translation.',
  },
  trEmpty: { zh: '请粘贴文本或打开文档', en: 'Paste text or open a document' },
  navRun: { zh: '能力', en: 'Capabilities' },
  navPlugins: { zh: '插件', en: 'Plugins' },
  navJobs: { zh: '任务', en: 'Jobs' },
  capabilities: { zh: '可用能力', en: 'Capabilities' },
  noCapabilities: { zh: '暂无可用能力', en: 'No capabilities available. Enable a plugin on the Plugins screen.' },
  pickCapability: { zh: '请选择一个能力', en: 'Pick a capability' },
  providerPlugin: { zh: '插件', en: 'Plugin' },
  providerBuiltin: { zh: '内置', en: 'Built-in' },
  run: { zh: '运行', en: 'Run' },
  running: { zh: '运行中…', en: 'Running…' },
  input: { zh: '输入', en: 'Input' },
  output: { zh: '结果', en: 'Output' },
  rawJson: { zh: '原始 JSON', en: 'Raw JSON' },
  formView: { zh: '表单', en: 'Form' },
  maskedText: { zh: '脱敏文本', en: 'Masked text' },
  found: { zh: '识别项', en: 'Found items' },
  noneFound: { zh: '未发现个人信息', en: 'Nothing found' },
  engine: { zh: '引擎', en: 'Engine' },
  time: { zh: '耗时', en: 'Time' },
  copy: { zh: '复制', en: 'Copy' },
  remove: { zh: '移除', en: 'Remove' },
  removeAll: { zh: '全部移除', en: 'Remove all' },
  copied: { zh: '已复制', en: 'Copied' },
  viewJob: { zh: '查看任务', en: 'View job' },
  plugins: { zh: '已安装插件', en: 'Installed plugins' },
  rejected: { zh: '被拒绝的插件', en: 'Rejected plugin folders' },
  noRejected: { zh: '无', en: 'None' },
  enabled: { zh: '已启用', en: 'Enabled' },
  disabled: { zh: '已停用', en: 'Disabled' },
  permissions: { zh: '权限', en: 'Permissions' },
  noPermissions: { zh: '无特殊权限', en: 'None' },
  version: { zh: '版本', en: 'Version' },
  source: { zh: '来源', en: 'Source' },
  provides: { zh: '提供能力', en: 'Provides' },
  jobs: { zh: '任务列表', en: 'Jobs' },
  noJobs: { zh: '暂无任务', en: 'No jobs yet. Run a capability to create one.' },
  refresh: { zh: '刷新', en: 'Refresh' },
  cancel: { zh: '取消', en: 'Cancel' },
  resume: { zh: '恢复', en: 'Resume' },
  detail: { zh: '详情', en: 'Detail' },
  close: { zh: '关闭', en: 'Close' },
  allStatuses: { zh: '全部状态', en: 'All statuses' },
  status: { zh: '状态', en: 'Status' },
  capability: { zh: '能力', en: 'Capability' },
  items: { zh: '条目', en: 'Items' },
  created: { zh: '创建时间', en: 'Created' },
  duration: { zh: '用时', en: 'Duration' },
  actions: { zh: '操作', en: 'Actions' },
  loading: { zh: '加载中…', en: 'Loading…' },
  retry: { zh: '重试', en: 'Retry' },
  unauthorized: {
    zh: '未授权：请打开启动时打印的链接（含令牌）。',
    en: 'Not authorised: open the URL printed at start (it carries the token).',
  },
  eventsOpen: { zh: '实时连接', en: 'Live' },
  eventsConnecting: { zh: '连接中', en: 'Connecting' },
  eventsClosed: { zh: '已断开', en: 'Offline' },
  // Files (FilePicker)
  dropHere: { zh: '拖放文件到此处，或', en: 'Drop files here, or' },
  chooseFiles: { zh: '选择文件', en: 'Choose files' },
  pickedFiles: { zh: '已选文件', en: 'Files' },
  limitPerFile: { zh: '单个文件不超过 {max}', en: 'Up to {max} per file' },
  limitCase: { zh: '单个文件不超过 {max}，合计不超过 {total}，最多 {n} 个', en: 'Up to {max} per file, {total} together, {n} files' },
  refusedTooLarge: {
    zh: '文件过大（{size}），单个文件不能超过 {max}。请压缩或拆分后再试。',
    en: 'Too large ({size}): files over {max} are refused. Compress or split it.',
  },
  refusedEmpty: { zh: '文件为空', en: 'The file is empty.' },
  refusedDuplicate: { zh: '已添加', en: 'Already added.' },
  refusedTooMany: { zh: '最多 {n} 个文件', en: 'At most {n} files.' },
  refusedTotal: { zh: '所有文件合计不能超过 {total}', en: 'Together the files may not exceed {total}.' },
  cannotRead: { zh: '无法读取文件', en: 'Cannot read a file' },
  // OCR screen
  ocrTitle: { zh: '文字识别', en: 'OCR' },
  ocrSubtitle: { zh: '图片和 PDF 中的文字与位置', en: 'Text and its position in images and PDFs' },
  ocrEngine: { zh: '识别引擎', en: 'Engine' },
  ocrEngineHint: { zh: '自动：PP-OCRv4，繁体页面用 Tesseract。', en: 'Auto: PP-OCRv4, Tesseract for traditional Chinese.' },
  ocrScript: { zh: '文字', en: 'Script' },
  ocrRun: { zh: '开始识别', en: 'Run OCR' },
  ocrRunning: { zh: '识别中…', en: 'Reading…' },
  ocrUnavailable: {
    zh: '未安装文字识别模型包。请运行 npm run models:prepare 或用 ic models import 导入。',
    en: 'The OCR model packs are not installed: run npm run models:prepare or import them with ic models import.',
  },
  ocrFilesProgress: { zh: '文件 {done}/{total}', en: 'Files {done}/{total}' },
  ocrResults: { zh: '识别结果', en: 'Results' },
  itemWaiting: { zh: '等待', en: 'Waiting' },
  itemReading: { zh: '识别中', en: 'Reading…' },
  itemDone: { zh: '完成', en: 'Done' },
  itemFailed: { zh: '失败', en: 'Failed' },
  itemCancelled: { zh: '未完成', en: 'Not done' },
  ocrBatchJob: { zh: '批量任务', en: 'Batch job' },
  ocrFileCount: { zh: '{n} 个文件', en: '{n} files' },
  ocrDownloads: { zh: '下载', en: 'Download' },
  ocrDlTxt: { zh: '纯文本 TXT', en: 'Text (TXT)' },
  ocrDlJson: { zh: '识别数据 JSON', en: 'Data (JSON)' },
  ocrDlPdf: { zh: '可检索 PDF', en: 'Searchable PDF' },
  ocrDlXlsx: { zh: 'Excel 表格', en: 'Excel (tables)' },
  ocrDlProducing: { zh: '正在生成文件…', en: 'Producing the file…' },
  ocrDlTooLarge: {
    zh: '文件太大，无法在控制台导出 {format}；请用命令 ic ocr --format {format} --out-dir 目录。',
    en: 'The file is too large to export as {format} in the console; use ic ocr --format {format} --out-dir DIR.',
  },
  starting: { zh: '排队中…', en: 'Starting…' },
  readingFiles: { zh: '读取文件…', en: 'Reading files…' },
  // Pre-review screen and report
  prereviewUnavailable: { zh: '未安装文字识别模型包，暂时无法预审。请运行 npm run models:prepare 或用 ic models import 导入。', en: 'The OCR model packs are not installed, so pre-review cannot run. Run npm run models:prepare or import them with ic models import.' },
  serviceItem: { zh: '办理事项', en: 'Service item' },
  requiredMaterials: { zh: '应交材料', en: 'Required materials' },
  materialRequired: { zh: '必交', en: 'Required' },
  materialOptional: { zh: '可选', en: 'Optional' },
  mustBeValid: { zh: '须在有效期内', en: 'Must be valid' },
  materialProvided: { zh: '已提供', en: 'Provided' },
  materialMissing: { zh: '缺少或无效', en: 'Missing or invalid' },
  materialReview: { zh: '需复核', en: 'Needs review' },
  applicantFiles: { zh: '申请材料', en: "Applicant's files" },
  oneFilePerDoc: { zh: '每份材料一个文件（图片或 PDF）。文件只在本机处理。', en: 'One file per document (image or PDF); files are processed on this computer only.' },
  prereviewRunning: { zh: '预审中…', en: 'Checking…' },
  prereviewRun: { zh: '开始预审', en: 'Run pre-review' },
  ocrEngineLong: { zh: '识别引擎', en: 'OCR engine' },
  prereviewReport: { zh: '预审结果', en: 'Pre-review report' },
  nFailed: { zh: '{n} 不通过', en: '{n} failed' },
  nToReview: { zh: '{n} 需复核', en: '{n} to review' },
  nPassed: { zh: '{n} 通过', en: '{n} passed' },
  pageShort: { zh: '第 {n} 页', en: 'p.{n}' },
  checks: { zh: '检查项', en: 'Checks' },
  submitted: { zh: '已交材料：', en: 'Submitted:' },
  evidence: { zh: '依据：', en: 'Evidence:' },
  show: { zh: '展开', en: 'Show' },
  documentsRead: { zh: '识别的材料', en: 'Documents read' },
  noDocument: { zh: '没有可识别的材料', en: 'No document could be read.' },
  noFields: { zh: '未提取到字段', en: 'No fields extracted' },
  colField: { zh: '字段', en: 'Field' },
  colValue: { zh: '值', en: 'Value' },
  colConfidence: { zh: '置信度', en: 'Confidence' },
  colLocation: { zh: '位置', en: 'Location' },
  lowConfidence: { zh: '置信度低，请人工核对', en: 'Low confidence: check by eye' },
  locate: { zh: '定位', en: 'Show' },
  page: { zh: '页面', en: 'Page' },
  textRead: { zh: '识别文字：', en: 'Text read:' },
  clickEvidence: { zh: '点击依据或“定位”查看页面', en: 'Click a piece of evidence or “Show” to see the page.' },
  // Shared views, screens not yet on antd
  enableUserPlugin: { zh: '启用来自用户文件夹的插件？请先阅读其权限。', en: 'Enable a plugin from the user folder? Read its permissions first.' },
  pluginUnavailable: { zh: '无法运行', en: 'Cannot run here' },
  sandbox: { zh: '隔离', en: 'Sandbox' },
  network: { zh: '网络', en: 'Network' },
  pluginIsolation: {
    zh: '插件在独立进程中运行（Node 权限模型）：不能写文件，只能读取自己的文件夹；网络模块在插件进程内被禁用（不是操作系统防火墙，见每个插件的“网络”一行）。',
    en: "Plugins run in their own process (Node permission model): no file writes, reads only inside their own folder; network modules are disabled inside the plugin process (not an OS firewall: see each plugin's Network line).",
  },
  ocrPagesTime: { zh: '{n} 页', en: '{n} pages' },
  pageN: { zh: '第 {n} 页', en: 'Page {n}' },
  rotationApplied: { zh: '页面旋转', en: 'Rotation applied' },
  rotation: { zh: '旋转', en: 'Rotation' },
  linesN: { zh: '{n} 行', en: '{n} lines' },
  pdfTextLayer: { zh: 'PDF 文字层', en: 'PDF text layer' },
  recognisedText: { zh: '识别文字', en: 'Text' },
  noTextOnPage: { zh: '未识别到文字', en: 'No text found on this page.' },
  confidenceN: { zh: '置信度 {n}%', en: 'Confidence {n}%' },
  rawOutput: { zh: '原始输出', en: 'Raw output (JSON)' },
  noPreview: { zh: '无预览', en: 'No preview for this page' },
  drawnPreview: { zh: '无图像预览，按识别位置绘制', en: 'No image preview: text drawn where it was read' },
  colKind: { zh: '类型', en: 'Kind' },
  colMasked: { zh: '脱敏后', en: 'Masked' },
  colPosition: { zh: '位置', en: 'Position' },
  required: { zh: '必填', en: 'Required' },
  onePerLine: { zh: '每行一项', en: 'One item per line' },
  noneSelectedAll: { zh: '未选择时使用全部', en: 'None selected: all are used' },
  notJson: { zh: 'JSON 无法解析', en: 'Not valid JSON' },
  doesNotFitForm: { zh: '此输入无法用表单表示', en: 'This input does not fit the form; keep editing the JSON.' },
  inputNotJson: { zh: '输入不是有效的 JSON', en: 'The input is not valid JSON' },
  inputMode: { zh: '输入方式', en: 'Input mode' },
  complexInput: { zh: '此能力的输入较复杂，请直接编辑 JSON。', en: 'This input is not a simple form; edit the JSON.' },
  inputSchema: { zh: '输入结构', en: 'Input schema' },
  job: { zh: '任务', en: 'Job' },
  failedN: { zh: '失败 {n}', en: 'failed {n}' },
  jobDetail: { zh: '任务详情', en: 'Job detail' },
  itemsSummary: { zh: '{done} / {total} 完成 · {failed} 失败', en: '{done} / {total} done · {failed} failed' },
  started: { zh: '开始', en: 'Started' },
  finished: { zh: '结束', en: 'Finished' },
  timeout: { zh: '超时', en: 'Timeout' },
  itemPending: { zh: '待处理', en: 'Pending' },
  // Models screen
  navModels: { zh: '模型包', en: 'Models' },
  modelPacks: { zh: '模型包', en: 'Model packs' },
  colPack: { zh: '模型包', en: 'Pack' },
  colSize: { zh: '大小', en: 'Size' },
  colChecksum: { zh: '校验', en: 'Checksum' },
  colUsedBy: { zh: '使用它的能力', en: 'Used by' },
  colWhere: { zh: '位置', en: 'Location' },
  whereApp: { zh: '应用自带', en: 'App' },
  whereData: { zh: '数据目录', en: 'Data folder' },
  notInstalled: { zh: '未安装', en: 'Not installed' },
  checksumOk: { zh: '校验通过', en: 'Checksum OK' },
  checksumBad: { zh: '校验失败', en: 'Checksum failed' },
  checksumSizesOk: { zh: '大小正确（未重新计算哈希）', en: 'Sizes match (not re-hashed)' },
  verify: { zh: '校验', en: 'Verify' },
  verifyAll: { zh: '全部校验', en: 'Verify all' },
  verifying: { zh: '校验中…', en: 'Verifying…' },
  verifyResults: { zh: '校验结果', en: 'Verification results' },
  verifyAllOk: { zh: '{n} 个模型包全部通过 SHA-256 校验', en: 'All {n} packs match their SHA-256' },
  verifySomeBad: { zh: '{bad} / {n} 个模型包校验失败', en: '{bad} of {n} packs failed verification' },
  importPack: { zh: '导入模型包', en: 'Import a pack' },
  importHint: {
    zh: '选择离线模型包（.tar、.tar.gz 或 .zip，内含 pack.json）。导入前逐个检查文件的大小和 SHA-256。',
    en: 'Pick an offline pack (.tar, .tar.gz or .zip with pack.json). Every file is checked (size, SHA-256) before it is installed.',
  },
  importing: { zh: '导入中…', en: 'Importing…' },
  imported: { zh: '已导入 {id} {version}', en: 'Imported {id} {version}' },
  fetch: { zh: '下载', en: 'Download' },
  fetching: { zh: '下载中…', en: 'Downloading…' },
  fetchFrom: { zh: '下载将连接：', en: 'Downloads contact:' },
  fetchFromEnv: { zh: '（由 HF_ENDPOINT 设置）', en: '(set by HF_ENDPOINT)' },
  fetchAllowed: { zh: '允许的主机：', en: 'Allowed hosts:' },
  fetchNoHost: { zh: '无法下载：', en: 'Downloads are not possible:' },
  fetchDone: { zh: '已下载 {id}：{files} 个文件，{size}', en: 'Downloaded {id}: {files} files, {size}' },
  fetchOnlyHf: { zh: '只能离线导入', en: 'Import only' },
  // Audit screen
  navAudit: { zh: '审计', en: 'Audit' },
  auditTrail: { zh: '审计记录', en: 'Audit trail' },
  auditHint: {
    zh: '每次任务和管理操作各记一条，逐条以哈希链接，不可修改；个人信息已脱敏，输入文件只记 SHA-256 和大小。',
    en: 'One entry per job and per administrative action, hash-chained and append-only; personal data masked, input files recorded only by SHA-256 and size.',
  },
  timeRange: { zh: '时间范围', en: 'Time range' },
  operator: { zh: '操作员', en: 'Operator' },
  verdict: { zh: '结论', en: 'Verdict' },
  action: { zh: '操作', en: 'Action' },
  filter: { zh: '筛选', en: 'Filter' },
  clearFilters: { zh: '清除筛选', en: 'Clear filters' },
  anyValue: { zh: '全部', en: 'Any' },
  noAudit: { zh: '没有符合条件的审计记录', en: 'No audit entries match.' },
  exportAudit: { zh: '导出 (JSON lines)', en: 'Export (JSON lines)' },
  exported: { zh: '已导出 {n} 条，末条哈希 {head}', en: 'Exported {n} entries, last hash {head}' },
  verifyAudit: { zh: '校验哈希链', en: 'Verify the chain' },
  auditOk: { zh: '审计记录完整：{n} 条，末条哈希 {head}', en: 'Audit trail intact: {n} entries, last hash {head}' },
  auditBroken: { zh: '审计记录被改动：第 {line} 行（第 {seq} 条）：{problem}', en: 'Audit trail BROKEN at line {line} (entry {seq}): {problem}' },
  auditHeadHint: { zh: '请在别处记下末条哈希，以便日后发现末尾被删除。', en: 'Note the last hash elsewhere: it detects a later cut of the tail.' },
  colSeq: { zh: '序号', en: '#' },
  colAt: { zh: '时间', en: 'Time' },
  colInputs: { zh: '输入文件', en: 'Input files' },
  colPacks: { zh: '模型包', en: 'Packs' },
  colHash: { zh: '哈希', en: 'Hash' },
  loadMore: { zh: '加载更多', en: 'Load more' },
  // Settings screen
  navSettings: { zh: '设置', en: 'Settings' },
  settingsTitle: { zh: '数据保护设置', en: 'Data protection settings' },
  operatorName: { zh: '操作员姓名', en: 'Operator name' },
  operatorHint: { zh: '记入审计记录。留空时记录系统账户：{account}', en: 'Recorded in the audit trail. Empty: the OS account is recorded ({account}).' },
  retentionDays: { zh: '保留天数', en: 'Retention (days)' },
  retentionHint: {
    zh: '超过此天数的任务（输入、结果和保留的扫描件）会被彻底删除，空间随即回收。缩短后立即生效。',
    en: 'Jobs older than this (inputs, results and kept scans) are deleted for good and the space reclaimed. A shorter period applies at once.',
  },
  keepScans: { zh: '保留扫描件', en: 'Keep scans' },
  keepScansHint: {
    zh: '关闭（默认）：任务条目完成后即删除上传的文件，只保留文件名、大小和 SHA-256。开启：上传的文件加密保存，直到超过保留天数。识别结果始终加密保存。',
    en: "Off (default): an uploaded file is deleted when its job item is done; only its name, size and SHA-256 stay. On: uploaded files are kept, encrypted, until the retention period ends. Results are always stored encrypted.",
  },
  save: { zh: '保存', en: 'Save' },
  retentionShorter: { zh: '超过 {n} 天的任务将立即被彻底删除。继续？', en: 'Jobs older than {n} days will be deleted for good now. Go on?' },
  saved: { zh: '已保存（已记入审计记录）', en: 'Saved (recorded in the audit trail)' },
  storageProtection: { zh: '存储保护（只读）', en: 'Storage protection (read-only)' },
  encryption: { zh: '加密', en: 'Encryption' },
  keyProvider: { zh: '密钥保管', en: 'Key provider' },
  keyWhere: { zh: '密钥位置', en: 'Key location' },
  keySkipped: { zh: '未采用', en: 'Passed over' },
  keyFileWarning: {
    zh: '密钥文件与数据库在同一目录：加密只能防止单独复制数据库，不能防止复制整个数据目录。',
    en: 'The key file sits beside the database: encryption protects a copy of the database alone, not a copy of the whole data folder.',
  },
  noPlugins: { zh: '未安装插件', en: 'No plugins installed.' },
  enable: { zh: '启用', en: 'Enable' },
  disable: { zh: '停用', en: 'Disable' },
  // Ask screen (知识问答)
  navAsk: { zh: '知识问答', en: 'Ask' },
  askTitle: { zh: '政策与办事问答', en: 'Ask about policies and services' },
  askSubtitle: { zh: '中文或英文提问，答案均附出处', en: 'Ask in Chinese or English; every answer cites its source' },
  askPlaceholder: { zh: '例如：数字政府建设的发展目标是什么？ / What documents do I need to open a restaurant?', en: 'e.g. What documents do I need to open a restaurant? / 数字政府建设的发展目标是什么？' },
  askButton: { zh: '提问', en: 'Ask' },
  askAnswers: { zh: '答案', en: 'Answers' },
  askScore: { zh: '相关度', en: 'Score' },
  askCitation: { zh: '出处', en: 'Source' },
  askPassage: { zh: '段落', en: 'Passage' },
  askOpenSection: { zh: '查看原文', en: 'Open the section' },
  askNoAnswer: { zh: '未找到答案', en: 'No answer found' },
  askNoAnswerReason: {
    zh: '知识库中没有与问题足够相关的内容（低于校准的可信阈值），因此不把猜测当作答案。请换一种问法，或在“知识图谱”中添加相关文档。',
    en: 'Nothing in the sources matches the question well enough (below the calibrated threshold), so no guess is given as an answer. Rephrase it, or add the relevant document on the Knowledge graph screen.',
  },
  askClosest: { zh: '最接近的内容（低于可信阈值，不是答案）', en: 'Closest passages (below the confidence bar — not answers)' },
  askEngine: { zh: '作答部件', en: 'Answered by' },
  askEngineLexical: { zh: '关键词检索', en: 'Lexical' },
  askEngineVector: { zh: '向量索引', en: 'Vector' },
  askEngineEmbedder: { zh: '向量生成', en: 'Embedder' },
  askEngineBridge: { zh: '中英桥接', en: 'Bridge' },
  askEngineUnused: { zh: '未参与', en: 'not used' },
  askRecent: { zh: '最近的问题', en: 'Recent questions' },
  askRecentEmpty: { zh: '尚无提问', en: 'No questions yet' },
  askRecentClear: { zh: '清空', en: 'Clear' },
  askSection: { zh: '引用的章节', en: 'Cited section' },
  askEffective: { zh: '生效日期', en: 'Effective' },
  askHighlighted: { zh: '高亮为被引用的段落', en: 'The cited passage is highlighted' },
  // Service-item facts (a card on the Ask screen)
  factsTitle: { zh: '办事指南', en: 'Service facts' },
  factsDepartment: { zh: '办理部门', en: 'Department' },
  factsTimeLimit: { zh: '办理时限', en: 'Time limit' },
  factsFee: { zh: '收费', en: 'Fee' },
  factsChannels: { zh: '办理渠道', en: 'Channels' },
  factsBasis: { zh: '设定依据', en: 'Legal basis' },
  factsConditions: { zh: '办理条件', en: 'Conditions' },
  factsMaterials: { zh: '申请材料', en: 'Required materials' },
  factsAliases: { zh: '俗称', en: 'Also called' },
  factsForm: { zh: '原件/复印件', en: 'Original/copy' },
  factsCount: { zh: '份数', en: 'Count' },
  factsSeal: { zh: '需盖章', en: 'Seal' },
  factsSignature: { zh: '需签字', en: 'Signature' },
  factsRequired: { zh: '必交', en: 'Required' },
  factsOptional: { zh: '可选', en: 'Optional' },
  factsNotStated: { zh: '未载明', en: 'not stated' },
  // Knowledge graph screen (知识图谱)
  // The menu is narrow: the long name is the screen's title.
  navKg: { zh: '知识图谱', en: 'Graph' },
  kgStats: { zh: '图谱概况', en: 'The graph' },
  kgSourcesCount: { zh: '来源', en: 'Sources' },
  kgPassagesCount: { zh: '段落', en: 'Passages' },
  kgVectorsCount: { zh: '向量', en: 'Vectors' },
  kgEntitiesCount: { zh: '实体', en: 'Entities' },
  kgRelationsCount: { zh: '关系', en: 'Relations' },
  kgEmbedder: { zh: '向量生成', en: 'Embedder' },
  kgVectorDims: { zh: '维', en: 'dimensions' },
  kgExampleQuestions: { zh: '示例问法', en: 'Example questions' },
  askMatchedExample: { zh: '按示例问法找到', en: 'Found through the example question' },
  kgEmbedderFallback: { zh: '由内置向量作答', en: 'Built-in vectors answer' },
  kgSearch: { zh: '查找实体', en: 'Find an entity' },
  kgSearchPlaceholder: { zh: '名称（中文、繁体或英文），如 食品经营许可 / Food business licence', en: 'A name in Chinese, traditional or English, e.g. Food business licence' },
  kgAllTypes: { zh: '全部', en: 'All types' },
  kgTypeFilter: { zh: '实体类型 Entity type', en: 'Entity type' },
  kgNoEntities: { zh: '没有匹配的实体', en: 'No entity matches' },
  kgGraph: { zh: '关系图', en: 'Neighbourhood' },
  kgGraphHint: { zh: '在左侧选择实体；点击图中节点以其为中心', en: 'Pick an entity on the left; click a node to centre on it' },
  kgDepth: { zh: '层数', en: 'Hops' },
  kgTruncated: { zh: '节点过多，仅显示最近的 {n} 个', en: 'Too many nodes: the nearest {n} are shown' },
  kgGraphCount: { zh: '{nodes} 个节点，{edges} 条关系', en: '{nodes} nodes, {edges} relations' },
  kgSources: { zh: '知识来源', en: 'Sources' },
  kgShipped: { zh: '内置', en: 'Shipped' },
  kgUserDoc: { zh: '用户添加', en: 'Added by you' },
  kgOrigin: { zh: '出处', en: 'Origin' },
  kgKind: { zh: '类型', en: 'Kind' },
  kgAdded: { zh: '添加时间', en: 'Added' },
  kgRemoveConfirm: { zh: '移除“{name}”及由它得出的全部段落、向量和实体？', en: 'Remove “{name}” and every passage, vector and entity derived from it?' },
  kgRemoved: { zh: '已移除 {name}：{passages} 个段落，{entities} 个实体', en: 'Removed {name}: {passages} passages, {entities} entities' },
  kgShippedFixed: { zh: '内置来源随应用更新，不能在此移除', en: 'Shipped sources come with the app and cannot be removed here' },
  kgAddDocs: { zh: '添加文档', en: 'Add documents' },
  kgAddHint: { zh: 'TXT、Markdown、DOCX、PDF 或图片（扫描件经文字识别）', en: 'TXT, Markdown, DOCX, PDF or images (scans are read by OCR)' },
  kgAddRun: { zh: '加入知识库', en: 'Add to the graph' },
  kgAdding: { zh: '正在加入…', en: 'Adding…' },
  kgAddedSource: { zh: '已加入：{name}（{passages} 个段落，读取方式 {reader}）', en: 'Added {name} ({passages} passages, read as {reader})' },
  kgImport: { zh: '导入服务目录', en: 'Import the service catalog' },
  kgImportHint: { zh: 'CSV 或 XLSX，每行一项材料；任何一行有误则整体不导入', en: 'CSV or XLSX, one material a row; any row in error and nothing is imported' },
  kgImportMerge: { zh: '合并更新', en: 'Merge' },
  kgImportReplace: { zh: '整体替换', en: 'Replace' },
  kgImportDryRun: { zh: '只检查不导入', en: 'Check only' },
  kgImportRun: { zh: '导入', en: 'Import' },
  kgImportSummary: { zh: '{file}：{rows} 行，{failed} 行有误，导入 {imported} 个事项', en: '{file}: {rows} rows, {failed} in error, {imported} service items imported' },
  kgImportNothing: { zh: '有错误的行，未作任何更改。', en: 'Rows in error: nothing was changed.' },
  kgImportChecked: { zh: '检查完成，未作更改。', en: 'Checked; nothing was changed.' },
  kgImportDone: { zh: '服务目录已更新。', en: 'The service catalog was updated.' },
  kgRow: { zh: '行', en: 'Row' },
  kgService: { zh: '事项', en: 'Service item' },
  kgRowErrors: { zh: '问题', en: 'Problems' },
  kgRowOk: { zh: '正确', en: 'OK' },
  kgRowError: { zh: '有误', en: 'Error' },
  kgOnlyErrors: { zh: '只看有误的行', en: 'Only rows in error' },
  kgPickFile: { zh: '选择文件', en: 'Choose a file' },
} satisfies Record<string, Pair>;

export type MessageKey = keyof typeof messages;

const STORAGE_KEY = 'ic.lang';

function initialLang(): Lang {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'zh-CN') return saved;
  } catch {
    // storage refused (private mode, file://): the default
  }
  return 'zh-CN';
}

let lang: Lang = initialLang();

/** A pair as the current language shows it. */
export function show(p: Pair): string {
  return lang === 'en' ? p.en : `${p.zh} ${p.en}`;
}

function fill(s: string, vars?: Record<string, string | number>): string {
  return vars ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : s;
}

/** A message with {placeholders} filled in. */
export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  const p = messages[key];
  return show({ zh: fill(p.zh, vars), en: fill(p.en, vars) });
}

/** Only the Chinese or only the English of a message (the header shows them in two styles). */
export function part(key: MessageKey, which: 'zh' | 'en'): string {
  return messages[key][which];
}

export function currentLang(): Lang {
  return lang;
}

function mapPairs<K extends string>(pairs: Record<K, Pair>): Record<K, string> {
  return Object.fromEntries(Object.entries<Pair>(pairs).map(([k, p]) => [k, show(p)])) as Record<K, string>;
}

function buildL(): Record<MessageKey, string> {
  return mapPairs(messages);
}

const jobStatusPairs: Record<JobStatus, Pair> = {
  queued: { zh: '排队', en: 'Queued' },
  running: { zh: '运行中', en: 'Running' },
  succeeded: { zh: '成功', en: 'Succeeded' },
  failed: { zh: '失败', en: 'Failed' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
  interrupted: { zh: '已中断', en: 'Interrupted' },
};

const errorCodePairs: Record<ErrorCode, Pair> = {
  BAD_REQUEST: { zh: '输入有误', en: 'Bad input' },
  NOT_FOUND: { zh: '未找到', en: 'Not found' },
  UNAVAILABLE: { zh: '不可用', en: 'Unavailable' },
  CANCELLED: { zh: '已取消', en: 'Cancelled' },
  TIMEOUT: { zh: '超时', en: 'Timed out' },
  WORKER_CRASHED: { zh: '进程崩溃', en: 'Worker crashed' },
  PLUGIN_ERROR: { zh: '插件错误', en: 'Plugin error' },
  BAD_MANIFEST: { zh: '清单无效', en: 'Bad manifest' },
  CONFLICT: { zh: '状态冲突', en: 'Conflict' },
  DB_TOO_NEW: { zh: '数据库版本过新', en: 'Database too new' },
  UNAUTHORIZED: { zh: '未授权', en: 'Unauthorised' },
  FORBIDDEN: { zh: '禁止访问', en: 'Forbidden' },
  INTERNAL: { zh: '内部错误', en: 'Internal error' },
};

/** Labels for common input field names and enum values; anything else shows as is. */
const wordPairs: Record<string, Pair> = {
  // Knowledge graph: entity types, relation types, source kinds, material forms (word('kg.type.service') …)
  'kg.type.service': { zh: '服务事项', en: 'Service item' },
  'kg.type.material': { zh: '材料', en: 'Material' },
  'kg.type.department': { zh: '部门', en: 'Department' },
  'kg.type.document': { zh: '文件', en: 'Document' },
  'kg.type.section': { zh: '章节', en: 'Section' },
  'kg.type.term': { zh: '术语', en: 'Term' },
  'kg.rel.requires': { zh: '需要', en: 'requires' },
  'kg.rel.handled_by': { zh: '办理部门', en: 'handled by' },
  'kg.rel.based_on': { zh: '依据', en: 'based on' },
  'kg.rel.part_of': { zh: '属于', en: 'part of' },
  'kg.rel.mentions': { zh: '提及', en: 'mentions' },
  'kg.rel.translates_to': { zh: '译为', en: 'translates to' },
  'kg.kind.plan': { zh: '规划', en: 'Plan' },
  'kg.kind.catalog': { zh: '服务目录', en: 'Catalog' },
  'kg.kind.glossary': { zh: '术语表', en: 'Glossary' },
  'kg.kind.document': { zh: '文档', en: 'Document' },
  'kg.form.original': { zh: '原件', en: 'Original' },
  'kg.form.copy': { zh: '复印件', en: 'Copy' },
  'kg.form.original+copy': { zh: '原件和复印件', en: 'Original and copy' },
  text: { zh: '文本', en: 'Text' },
  kinds: { zh: '类型', en: 'Kinds' },
  id_number: { zh: '身份证号', en: 'ID number' },
  phone: { zh: '电话', en: 'Phone' },
  email: { zh: '邮箱', en: 'E-mail' },
  language: { zh: '语言', en: 'Language' },
  source: { zh: '源语言', en: 'Source' },
  target: { zh: '目标语言', en: 'Target' },
  question: { zh: '问题', en: 'Question' },
  query: { zh: '查询', en: 'Query' },
  limit: { zh: '数量上限', en: 'Limit' },
  builtin: { zh: '内置', en: 'Built-in' },
  user: { zh: '用户安装', en: 'User' },
  'files.read-picked': { zh: '读取所选文件', en: 'Read picked files' },
};

export function word(key: string): string {
  const p = wordPairs[key];
  return p ? show(p) : key;
}

export type Verdict = PrereviewOutput['verdict'];
export type CheckStatus = PrereviewOutput['checks'][number]['status'];

const verdictPairs: Record<Verdict, { zh: string; en: string; hint: Pair }> = {
  pass: { zh: '通过', en: 'Pass', hint: { zh: '材料齐全、有效、一致。受理前仍请人工确认。', en: 'Complete, valid and consistent; confirm before accepting.' } },
  needs_review: {
    zh: '需人工复核',
    en: 'Needs review',
    hint: { zh: '有需要人工核对的项目，请查看下方黄色项。', en: 'Some findings need a human look: see the items in yellow below.' },
  },
  fail: { zh: '不通过', en: 'Fail', hint: { zh: '有缺失或无效的材料，请查看下方红色项。', en: 'Materials are missing or invalid: see the items in red below.' } },
};

const checkStatusPairs: Record<CheckStatus, Pair> = {
  fail: { zh: '不通过', en: 'Failed' },
  warn: { zh: '需复核', en: 'Needs review' },
  pass: { zh: '通过', en: 'Passed' },
};

const docTypePairs: Record<DocumentType, Pair> = {
  id_card_front: { zh: '身份证人像面', en: 'ID card (photo side)' },
  id_card_back: { zh: '身份证国徽面', en: 'ID card (emblem side)' },
  business_license: { zh: '营业执照', en: 'Business licence' },
  application_form: { zh: '申请书', en: 'Application form' },
  household_register: { zh: '户口簿', en: 'Household register' },
  generic: { zh: '其他材料', en: 'Other document' },
};

/** Field names of pre-review documents (upper snake case); unknown ones show as they are. */
const fieldPairs: Record<string, Pair> = {
  NAME: { zh: '姓名', en: 'Name' },
  SEX: { zh: '性别', en: 'Sex' },
  ETHNICITY: { zh: '民族', en: 'Ethnicity' },
  BIRTH_DATE: { zh: '出生日期', en: 'Date of birth' },
  ADDRESS: { zh: '住址', en: 'Address' },
  ID_NUMBER: { zh: '公民身份号码', en: 'ID number' },
  ISSUER: { zh: '签发机关', en: 'Issuing authority' },
  ISSUE_DATE: { zh: '签发日期', en: 'Date of issue' },
  VALID_FROM: { zh: '有效期起', en: 'Valid from' },
  VALID_UNTIL: { zh: '有效期至', en: 'Valid until' },
  USCC: { zh: '统一社会信用代码', en: 'Unified social credit code' },
  COMPANY_NAME: { zh: '名称', en: 'Entity name' },
  ENTITY_TYPE: { zh: '类型', en: 'Entity type' },
  LEGAL_REPRESENTATIVE: { zh: '法定代表人', en: 'Legal representative' },
  REGISTERED_CAPITAL: { zh: '注册资本', en: 'Registered capital' },
  ESTABLISHED_DATE: { zh: '成立日期', en: 'Date of establishment' },
  BUSINESS_SCOPE: { zh: '经营范围', en: 'Business scope' },
  PHONE: { zh: '联系电话', en: 'Phone' },
  APPLICANT: { zh: '申请人', en: 'Applicant' },
  APPLICATION_DATE: { zh: '申请日期', en: 'Application date' },
  HOUSEHOLDER: { zh: '户主姓名', en: 'Head of household' },
  RELATIONSHIP: { zh: '与户主关系', en: 'Relationship' },
  BIRTHPLACE: { zh: '出生地', en: 'Place of birth' },
  NATIVE_PLACE: { zh: '籍贯', en: 'Native place' },
  HOUSEHOLD_TYPE: { zh: '户别', en: 'Household type' },
  LICENCE_NUMBER: { zh: '许可证编号', en: 'Licence number' },
  DOCUMENT_NUMBER: { zh: '证件号码', en: 'Document number' },
};

export function fieldLabel(name: string): string {
  const p = fieldPairs[name];
  return p ? show(p) : name;
}

const ocrEnginePairs: Record<OcrEngineChoice, Pair> = {
  auto: { zh: '自动', en: 'Auto' },
  ppocr: { zh: 'PP-OCRv4', en: '' },
  tesseract: { zh: 'Tesseract', en: '' },
};

const scriptPairs: Record<OcrLang, Pair> = {
  auto: { zh: '自动检测', en: 'Auto-detect' },
  'zh-Hans': { zh: '简体中文', en: 'Simplified Chinese' },
  'zh-Hant': { zh: '繁體中文', en: 'Traditional Chinese' },
  en: { zh: '英文', en: 'English' },
};

/** Names that are the same in both languages (engine names) have an empty `en`. */
function showName(p: Pair): string {
  return p.en ? show(p) : p.zh;
}

// Live bindings: rebuilt by setLang, read by components at render time.
export let L = buildL();
export let jobStatusLabel = mapPairs(jobStatusPairs);
export let errorCodeLabel = mapPairs(errorCodePairs);
export let checkStatusLabel = mapPairs(checkStatusPairs);
export let docTypeLabel = mapPairs(docTypePairs);
export let ocrEngineLabel = Object.fromEntries(Object.entries(ocrEnginePairs).map(([k, p]) => [k, showName(p)])) as Record<keyof typeof ocrEnginePairs, string>;
export let scriptLabel = mapPairs(scriptPairs);
export let verdictLabel = buildVerdicts();

function buildVerdicts(): Record<Verdict, { zh: string; en: string; hint: string }> {
  return Object.fromEntries(Object.entries(verdictPairs).map(([k, v]) => [k, { zh: v.zh, en: v.en, hint: show(v.hint) }])) as Record<
    Verdict,
    { zh: string; en: string; hint: string }
  >;
}

/** Switches the language (kept in localStorage); the caller re-renders the tree. */
export function setLang(next: Lang): void {
  lang = next;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
  } catch {
    // not kept across restarts; still switched now
  }
  L = buildL();
  jobStatusLabel = mapPairs(jobStatusPairs);
  errorCodeLabel = mapPairs(errorCodePairs);
  checkStatusLabel = mapPairs(checkStatusPairs);
  docTypeLabel = mapPairs(docTypePairs);
  ocrEngineLabel = Object.fromEntries(Object.entries(ocrEnginePairs).map(([k, p]) => [k, showName(p)])) as typeof ocrEngineLabel;
  scriptLabel = mapPairs(scriptPairs);
  verdictLabel = buildVerdicts();
  document.documentElement.lang = next;
}
