/**
 * Is a page in traditional Chinese? The "auto" router reads pages with PP-OCRv4 first; PP-OCRv4 writes some
 * traditional characters as simplified ones but keeps many (its dictionary has most common traditional forms), so
 * the traditional-only characters left in its text tell a traditional page from a simplified one. Such a page is
 * then read again by Tesseract chi_tra.
 */

/**
 * Traditional-only characters (left) and their simplified forms (right), position by position: 562 pairs of
 * characters common in forms, IDs, certificates and everyday text. Written for this project and checked with
 * OpenCC 1.1.6 (Debian `opencc`, t2s.json): every left character converts to the right one, and none converts
 * to itself. OpenCC is not a dependency; it was used once to check the list.
 */
const TRADITIONAL =
  '國學會這個們來時為說對發經開關問與於從還進過動後當實長現點業機務員電話車書見體區證號請辦條費聯處應戶護華寫讀買賣錢銀資訊' +
  '網頁攜謄灣臺東門間題種樣將無並義頭萬準備聽讓認識記計設議論許訂詞語調談譯變豐貝負財貨貴貼賓賬質購軍軟載輕輛輸轉邊遠運達選' +
  '遺邏郵鄉醫釋針鐘鋼錄錯鍵鎮閉閑閱闆隊階際陽陰陳隨險隻雙雜雞離難雲靜響頂項順須預領頻額風飛飯館馬駕驗髮鬥魚鳥麗麥黃黨齊齒龍' +
  '係倆偉傳債傷僅僱價儀億優兒兩內冊減湊幾鳳創劃劉則剛劇勁勝勞勢勵協單衛廠歷壓厲參叢葉嘆嚇嚴園圍圖團壞壯聲復夠夾奪獎婦媽嬰孫' +
  '寧寬寶導壽層屬岡島峽崗幣帥師帳帶幫幹廣廳廢廟庫異彎張彈強彙徑徵態慶憂憲懷戀戰戲擔擁據擊擋擠擴擬擺攝敗數斂斷晉晝暫曆曉極構' +
  '槍標樓樹橋權歡歲歸殘殺毀氣漢滿漁潔濃濕滅測濟災煙熱燈營爭爲爺牆狀獨獄獲環產畫畢療盡監盤碼確礎禮禍稱積穩窮競筆節範築簡簽籃' +
  '糧糾紀約紅級紛純紙紡細終組結絕統絲綜綠維緊線練縣總績織繪繼續纜罰罷羅習聖聞職肅脅脈腦膽臉臨興舉艦藝芻莊蓋蔣薦藥蘇蘭虛蟲術' +
  '衝補裝製複襲規視親覺覽觀討訪訴診証評試詩該詳誌誕誤誰課諸謀謝譜貢責販貧貸貿賀賞賠賢賴賽贊贈趕趨躍軌較輔輝輩輪輯轄辭農連週' +
  '遊違遙遞適遲遷鄧釣鈔鈴鉛銅銳銷鋒鋪錦鍊鍋鎖鏡鐵鑑鑰閃閘閣闊闡陣陸隱雖雛霧靈韓頑頒頓頗顏願顛類顧顯颱飢飲飼飽飾饒馮馳駐駛騎' +
  '騙騰驅驕驚髒鬆鬧鬱魯鮮鯨鳴鴨鴻鵝鶴鷹鹽麵齡龜';
const SIMPLIFIED =
  '国学会这个们来时为说对发经开关问与于从还进过动后当实长现点业机务员电话车书见体区证号请办条费联处应户护华写读买卖钱银资讯' +
  '网页携誊湾台东门间题种样将无并义头万准备听让认识记计设议论许订词语调谈译变丰贝负财货贵贴宾账质购军软载轻辆输转边远运达选' +
  '遗逻邮乡医释针钟钢录错键镇闭闲阅板队阶际阳阴陈随险只双杂鸡离难云静响顶项顺须预领频额风飞饭馆马驾验发斗鱼鸟丽麦黄党齐齿龙' +
  '系俩伟传债伤仅雇价仪亿优儿两内册减凑几凤创划刘则刚剧劲胜劳势励协单卫厂历压厉参丛叶叹吓严园围图团坏壮声复够夹夺奖妇妈婴孙' +
  '宁宽宝导寿层属冈岛峡岗币帅师帐带帮干广厅废庙库异弯张弹强汇径征态庆忧宪怀恋战戏担拥据击挡挤扩拟摆摄败数敛断晋昼暂历晓极构' +
  '枪标楼树桥权欢岁归残杀毁气汉满渔洁浓湿灭测济灾烟热灯营争为爷墙状独狱获环产画毕疗尽监盘码确础礼祸称积稳穷竞笔节范筑简签篮' +
  '粮纠纪约红级纷纯纸纺细终组结绝统丝综绿维紧线练县总绩织绘继续缆罚罢罗习圣闻职肃胁脉脑胆脸临兴举舰艺刍庄盖蒋荐药苏兰虚虫术' +
  '冲补装制复袭规视亲觉览观讨访诉诊证评试诗该详志诞误谁课诸谋谢谱贡责贩贫贷贸贺赏赔贤赖赛赞赠赶趋跃轨较辅辉辈轮辑辖辞农连周' +
  '游违遥递适迟迁邓钓钞铃铅铜锐销锋铺锦炼锅锁镜铁鉴钥闪闸阁阔阐阵陆隐虽雏雾灵韩顽颁顿颇颜愿颠类顾显台饥饮饲饱饰饶冯驰驻驶骑' +
  '骗腾驱骄惊脏松闹郁鲁鲜鲸鸣鸭鸿鹅鹤鹰盐面龄龟';

/** Simplified forms that traditional text uses as well (后, 台, 干, 面, 游 …): they count for neither side. */
const SHARED = '于后台丰板只云斗系干征范制志周游松郁面';

const TRAD_SET = new Set(TRADITIONAL);
const SIMP_SET = new Set([...SIMPLIFIED].filter((c) => !SHARED.includes(c)));

/** A character only traditional writing uses (from the list above). */
export const isTraditionalOnly = (ch: string): boolean => TRAD_SET.has(ch);

export interface ScriptStats {
  /** Han characters in the text. */
  han: number;
  /** Characters that exist only in traditional writing (from the list above). */
  traditional: number;
  /** Simplified forms of those (characters a traditional text would not use). */
  simplified: number;
}

export function scriptStats(text: string): ScriptStats {
  let han = 0;
  let traditional = 0;
  let simplified = 0;
  for (const ch of text) {
    if (!/\p{Script=Han}/u.test(ch)) continue;
    han++;
    if (TRAD_SET.has(ch)) traditional++;
    else if (SIMP_SET.has(ch)) simplified++;
  }
  return { han, traditional, simplified };
}

/**
 * True when the text reads as traditional Chinese: at least `minTraditional` traditional-only characters, making
 * at least `minShare` of the characters that differ between the two scripts. A simplified text quoting a
 * traditional name (臺灣) stays simplified; a traditional page that an engine half-converted stays traditional.
 */
export function looksTraditional(text: string, o: { minTraditional?: number; minShare?: number } = {}): boolean {
  const { minTraditional = 2, minShare = 0.3 } = o;
  const s = scriptStats(text);
  return s.traditional >= minTraditional && s.traditional >= (s.traditional + s.simplified) * minShare;
}
