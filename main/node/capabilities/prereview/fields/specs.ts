/**
 * Labels per document type. Longer labels win over shorter ones inside them (户主姓名 over 姓名, 经营者名称 over
 * 经营者); `ignore` labels are recognised only to end the value before them. Traditional-script labels match too
 * (text is compared in simplified form).
 */
import type { DocumentType } from '../../../../common/contract/index.js';
import type { LabelSpec } from './labels.js';

const ID_LABELS = ['公民身份号码', '公民身份证号码', '身份证号码', '身份证件号码', '身份证号', '证件号码', '社会保障号码', '公民身份证件编号'];

export const ID_CARD_FRONT: LabelSpec[] = [
  { field: 'NAME', kind: 'name', labels: ['姓名'] },
  { field: 'SEX', kind: 'sex', labels: ['性别'] },
  { field: 'ETHNICITY', kind: 'ethnicity', labels: ['民族'] },
  { field: 'BIRTH_DATE', kind: 'date', labels: ['出生日期', '出生'] },
  { field: 'ADDRESS', kind: 'address', labels: ['住址'] },
  { field: 'ID_NUMBER', kind: 'id', labels: ['公民身份号码', '公民身份证号码', '身份证号码'] },
];

export const ID_CARD_BACK: LabelSpec[] = [
  { field: 'ISSUER', kind: 'org', labels: ['签发机关'] },
  { field: null, kind: 'range', labels: ['有效期限', '有效期'] },
];

export const BUSINESS_LICENSE: LabelSpec[] = [
  { field: 'USCC', kind: 'uscc', labels: ['统一社会信用代码', '社会信用代码', '信用代码'] },
  { field: 'COMPANY_NAME', kind: 'org', labels: ['名称', '企业名称', '字号名称'] },
  { field: 'ENTITY_TYPE', kind: 'text', labels: ['类型', '主体类型'] },
  {
    field: 'LEGAL_REPRESENTATIVE',
    kind: 'name',
    labels: ['法定代表人', '法定代表人(负责人)', '负责人', '经营者', '执行事务合伙人', '投资人', '经营者姓名'],
  },
  { field: 'REGISTERED_CAPITAL', kind: 'text', labels: ['注册资本', '出资额', '出资数额', '资金数额'] },
  { field: 'ESTABLISHED_DATE', kind: 'date', labels: ['成立日期', '注册日期'] },
  { field: null, kind: 'range', labels: ['营业期限', '经营期限', '合伙期限'] },
  { field: 'ADDRESS', kind: 'address', labels: ['住所', '经营场所', '主要经营场所', '营业场所'] },
  { field: 'BUSINESS_SCOPE', kind: 'text', labels: ['经营范围'] },
  { field: 'ISSUER', kind: 'org', labels: ['登记机关'] },
  { field: null, kind: 'ignore', labels: ['组成形式', '副本', '正本', '编号', '副本编号', '扫描二维码'] },
];

export const APPLICATION_FORM: LabelSpec[] = [
  { field: 'APPLICANT', kind: 'name', labels: ['申请人', '申请人姓名'] },
  {
    field: 'LEGAL_REPRESENTATIVE',
    kind: 'name',
    labels: ['法定代表人', '法定代表人(负责人)', '法定代表人姓名', '负责人', '负责人姓名', '经营者', '经营者姓名'],
  },
  { field: 'NAME', kind: 'name', labels: ['姓名'] },
  { field: 'SEX', kind: 'sex', labels: ['性别'] },
  { field: 'ETHNICITY', kind: 'ethnicity', labels: ['民族'] },
  { field: 'BIRTH_DATE', kind: 'date', labels: ['出生日期'] },
  { field: 'ID_NUMBER', kind: 'id', labels: ID_LABELS },
  {
    field: 'COMPANY_NAME',
    kind: 'org',
    labels: ['企业名称', '名称', '公司名称', '个体工商户名称', '拟设立企业名称', '经营者名称', '单位名称', '申请单位', '申请人名称'],
  },
  { field: 'USCC', kind: 'uscc', labels: ['统一社会信用代码', '社会信用代码'] },
  { field: 'ADDRESS', kind: 'address', labels: ['住所', '经营场所', '住址', '地址', '经营地址', '户籍地址'] },
  { field: 'PHONE', kind: 'phone', labels: ['联系电话', '移动电话', '手机号码', '手机', '电话', '联系方式'] },
  { field: 'REGISTERED_CAPITAL', kind: 'text', labels: ['注册资本', '资金数额', '出资额'] },
  { field: 'APPLICATION_DATE', kind: 'date', labels: ['申请日期', '填表日期', '日期'] },
  {
    field: null,
    kind: 'ignore',
    labels: [
      '签字', '签名', '盖章', '签章', '法定代表人签字', '法定代表人签名', '申请人签字', '申请人签名', '经营者签字',
      '负责人签字', '证件类型', '职务', '电子邮箱', '邮政编码', '邮编', '申请事项', '备注', '申请人承诺', '申请人声明',
      '承诺', '声明', '主体业态', '经营项目',
    ],
  },
];

export const HOUSEHOLD_REGISTER: LabelSpec[] = [
  { field: 'HOUSEHOLDER', kind: 'name', labels: ['户主姓名'] },
  { field: 'NAME', kind: 'name', labels: ['姓名'] },
  { field: 'RELATIONSHIP', kind: 'text', labels: ['与户主关系', '户主或与户主关系'] },
  { field: 'SEX', kind: 'sex', labels: ['性别'] },
  { field: 'ETHNICITY', kind: 'ethnicity', labels: ['民族'] },
  { field: 'BIRTH_DATE', kind: 'date', labels: ['出生日期'] },
  { field: 'BIRTHPLACE', kind: 'text', labels: ['出生地'] },
  { field: 'NATIVE_PLACE', kind: 'text', labels: ['籍贯'] },
  { field: 'ID_NUMBER', kind: 'id', labels: ['公民身份号码', '身份证号码', '公民身份证件编号'] },
  { field: 'ADDRESS', kind: 'address', labels: ['住址', '户籍地址'] },
  { field: 'HOUSEHOLD_TYPE', kind: 'text', labels: ['户别'] },
  { field: 'ISSUER', kind: 'org', labels: ['户口登记机关', '登记机关'] },
  { field: 'ISSUE_DATE', kind: 'date', labels: ['登记日期', '签发日期'] },
  {
    field: null,
    kind: 'ignore',
    labels: [
      '户号', '曾用名', '宗教信仰', '文化程度', '婚姻状况', '兵役状况', '身高', '血型', '服务处所', '职业',
      '何时由何地迁来本市', '何时由何地迁来本址', '承办人签章', '其他住址', '本市其他住址',
    ],
  },
];

export const GENERIC: LabelSpec[] = [
  { field: 'NAME', kind: 'name', labels: ['姓名'] },
  { field: 'ID_NUMBER', kind: 'id', labels: ID_LABELS },
  { field: 'USCC', kind: 'uscc', labels: ['统一社会信用代码', '社会信用代码'] },
  { field: 'LEGAL_REPRESENTATIVE', kind: 'name', labels: ['法定代表人(负责人)', '法定代表人', '负责人'] },
  { field: 'COMPANY_NAME', kind: 'org', labels: ['经营者名称', '企业名称', '单位名称', '名称'] },
  { field: 'ADDRESS', kind: 'address', labels: ['住所', '住址', '经营场所', '地址'] },
  { field: null, kind: 'until', labels: ['有效期至', '有效期止'] },
  { field: null, kind: 'range', labels: ['有效期限', '有效期'] },
  { field: 'ISSUER', kind: 'org', labels: ['发证机关', '签发机关', '登记机关', '发卡机关'] },
  { field: 'ISSUE_DATE', kind: 'date', labels: ['发证日期', '签发日期', '发卡日期'] },
  { field: 'BIRTH_DATE', kind: 'date', labels: ['出生日期'] },
  { field: 'SEX', kind: 'sex', labels: ['性别'] },
  { field: 'ETHNICITY', kind: 'ethnicity', labels: ['民族'] },
  { field: 'PHONE', kind: 'phone', labels: ['联系电话', '电话'] },
  { field: 'LICENCE_NUMBER', kind: 'text', labels: ['许可证编号', '证书编号'] },
  { field: null, kind: 'ignore', labels: ['经营项目', '卡号', '国籍'] },
];

export const SPECS: Record<DocumentType, LabelSpec[]> = {
  id_card_front: ID_CARD_FRONT,
  id_card_back: ID_CARD_BACK,
  business_license: BUSINESS_LICENSE,
  application_form: APPLICATION_FORM,
  household_register: HOUSEHOLD_REGISTER,
  generic: GENERIC,
};

/** Fields each document type is expected to show; a missing one gets a "needs a human look" warning. */
export const EXPECTED_FIELDS: Record<DocumentType, string[]> = {
  id_card_front: ['NAME', 'SEX', 'BIRTH_DATE', 'ADDRESS', 'ID_NUMBER'],
  id_card_back: ['ISSUER', 'VALID_UNTIL'],
  business_license: ['USCC', 'COMPANY_NAME', 'LEGAL_REPRESENTATIVE', 'ADDRESS'],
  application_form: [],
  household_register: ['NAME', 'ID_NUMBER'],
  generic: [],
};
